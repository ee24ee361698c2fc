import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { DomainError } from '@motcua/domain';

export interface FilePart {
  fields: Record<string, string>;
  fileName: string;
  file: Readable;
  /** Reads and drops whatever the handler did not read, so the connection stays usable. */
  drain(): void;
}

const FIELDS = 10;
const FIELD_BYTES = 1024;

/**
 * The one file of a multipart/form-data upload, as a stream (never held in memory), with the fields
 * sent before it. The fields must come first: everything is checked before the first byte is stored.
 */
export function readFilePart(request: Request): Promise<FilePart> {
  const invalid = (reason: string) => DomainError.validation([{ field: 'file', reason }], 'Send one file as multipart/form-data, its fields first');
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send file names as raw UTF-8, not in RFC 2231 form.
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fields: FIELDS, fieldSize: FIELD_BYTES, parts: FIELDS + 1 } });
    } catch {
      request.resume();
      return reject(invalid('the body must be multipart/form-data'));
    }
    const fields: Record<string, string> = {};
    let settled = false;
    const fail = (error: DomainError) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      request.resume();
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(DomainError.validation([{ field: name, reason: `must be at most ${FIELD_BYTES} bytes` }]));
      fields[name] = value;
    });
    parser.on('file', (name, file, info) => {
      if (name !== 'file') {
        file.resume();
        return fail(invalid(`the file's field must be named "file", not "${name}"`));
      }
      settled = true;
      resolve({ fields, fileName: info.filename ?? '', file, drain: () => file.resume() });
    });
    parser.on('fieldsLimit', () => fail(DomainError.validation([{ field: 'body', reason: `at most ${FIELDS} fields` }])));
    parser.on('error', () => fail(invalid('the multipart body is malformed')));
    parser.on('close', () => fail(invalid('no file was sent')));
    request.pipe(parser);
  });
}
