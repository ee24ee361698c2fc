import type { IncomingMessage } from 'node:http';

/** Deeper JSON is refused before parsing: no form of ours nests beyond a few levels. */
export const MAX_JSON_DEPTH = 32;

const [OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY, QUOTE, BACKSLASH] = ['{', '[', '}', ']', '"', '\\'].map((c) => c.charCodeAt(0));
const NUL_ESCAPE = Buffer.from('u0000');

/**
 * body-parser's `verify` hook, one pass over the raw bytes: refuses (400) objects or arrays nested
 * deeper than MAX_JSON_DEPTH (`entity.too.deep`) and the NUL character, which no text column can
 * hold (`entity.nul`).
 */
export function rejectUnsafeJson(_request: IncomingMessage, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH && body.subarray(i + 1, i + 6).equals(NUL_ESCAPE)) throw Object.assign(new Error('NUL character'), { status: 400, type: 'entity.nul' });
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > MAX_JSON_DEPTH) throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
}
