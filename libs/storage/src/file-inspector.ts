import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { DomainError, ErrorCode } from '@motcua/domain';

/** The media types a dossier file may have, by the signature its content starts with. */
const SIGNATURES: { mediaType: string; magic: Buffer }[] = [
  { mediaType: 'application/pdf', magic: Buffer.from('%PDF-') },
  { mediaType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
];
const SIGNATURE_BYTES = Math.max(...SIGNATURES.map(({ magic }) => magic.length));
export const ACCEPTED_MEDIA_TYPES = SIGNATURES.map(({ mediaType }) => mediaType);

export interface InspectedFile {
  size: number;
  sha256: string;
  mediaType: string;
}

/**
 * Passes an upload through on its way to storage, reading what the metadata needs: its size (failing
 * past `maxBytes`, 413), its SHA-256, and its media type from its first bytes (failing for anything
 * but PDF, PNG or JPEG, 415; the client's Content-Type is never trusted). Three fixed signatures:
 * a content-sniffing package would only add types to refuse.
 */
export class FileInspector extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;
  private head = Buffer.alloc(0);
  private mediaType?: string;

  constructor(private readonly maxBytes: number) {
    super();
  }

  /** What was read, once the stream has ended. */
  get inspected(): InspectedFile {
    return { size: this.size, sha256: this.hash.copy().digest('hex'), mediaType: this.mediaType! };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(tooLarge(this.maxBytes));
    if (this.mediaType === undefined && this.head.length < SIGNATURE_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SIGNATURE_BYTES - this.head.length)]);
      if (this.head.length >= SIGNATURE_BYTES) {
        const error = this.detect();
        if (error) return done(error);
      }
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) return done(DomainError.field('file', 'is empty'));
    done(this.mediaType === undefined ? this.detect() : null);
  }

  private detect(): DomainError | undefined {
    this.mediaType = SIGNATURES.find(({ magic }) => this.head.subarray(0, magic.length).equals(magic))?.mediaType;
    if (this.mediaType) return undefined;
    return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Only PDF, JPEG and PNG files are accepted (read from the content, not the name)', {
      fields: [{ field: 'file', reason: 'is not a PDF, JPEG or PNG file' }],
      accepted: ACCEPTED_MEDIA_TYPES,
    });
  }
}

export function tooLarge(maxBytes: number): DomainError {
  const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `A file may be at most ${megabytes} MB`, { fields: [{ field: 'file', reason: `is larger than ${megabytes} MB` }], maxBytes });
}
