import type { IncomingMessage } from 'node:http';

/** Deeper JSON is refused before parsing: no form of ours nests beyond a few levels. */
export const MAX_JSON_DEPTH = 32;

const [OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY, QUOTE, BACKSLASH, LETTER_U] = ['{', '[', '}', ']', '"', '\\', 'u'].map((c) => c.charCodeAt(0));

const refuse = (type: string, message: string) => Object.assign(new Error(message), { status: 400, type });

/** The UTF-16 code unit of the `\uXXXX` escape at `at` (the backslash), or -1 if there is none. */
function escapedUnit(body: Buffer, at: number): number {
  if (body[at] !== BACKSLASH || body[at + 1] !== LETTER_U) return -1;
  const hex = body.toString('latin1', at + 2, at + 6);
  return /^[0-9a-f]{4}$/i.test(hex) ? Number.parseInt(hex, 16) : -1;
}

/**
 * body-parser's `verify` hook, one pass over the raw bytes: refuses (400) objects or arrays nested
 * deeper than MAX_JSON_DEPTH (`entity.too.deep`), the NUL character, which no text column can hold
 * (`entity.nul`), and lone UTF-16 surrogates, which are not text and break validators (`entity.surrogate`).
 * Raw bytes cannot hold either: body-parser decodes invalid UTF-8 to U+FFFD, so only escapes matter.
 */
export function rejectUnsafeJson(_request: IncomingMessage, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === QUOTE) inString = false;
      if (byte !== BACKSLASH) continue;
      const unit = escapedUnit(body, i);
      if (unit === 0) throw refuse('entity.nul', 'NUL character');
      if (unit >= 0xdc00 && unit <= 0xdfff) throw refuse('entity.surrogate', 'lone surrogate');
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const low = escapedUnit(body, i + 6);
        if (low < 0xdc00 || low > 0xdfff) throw refuse('entity.surrogate', 'lone surrogate');
        i += 11; // the pair
      } else {
        i += unit >= 0 ? 5 : 1; // the escape
      }
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > MAX_JSON_DEPTH) throw refuse('entity.too.deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
}
