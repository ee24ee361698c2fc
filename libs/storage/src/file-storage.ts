import type { Readable } from 'node:stream';

/**
 * Where the bytes of dossier files live: a local directory or S3-compatible object storage, chosen by
 * configuration (FILE_STORAGE). Keys are made by the system (`{yyyy}/{mm}/{uuid}`), never by a client.
 * Metadata (names, types, hashes, who and when) is PostgreSQL's business, not the storage's.
 */
export abstract class FileStorage {
  /** A name for logs and the README: `local` or `s3`. */
  abstract readonly driver: string;

  /** Stores the whole stream under `key`, or nothing at all when the stream or the storage fails. */
  abstract write(key: string, body: Readable, mediaType: string): Promise<void>;

  /** The stored bytes; NOT_FOUND-free: the caller knows the key exists from its metadata. */
  abstract read(key: string): Promise<Readable>;

  /** Removes the object; removing one that is not there is not an error. */
  abstract remove(key: string): Promise<void>;

  /** Whether an object is stored under `key` (for tests and the clean-up's checks). */
  abstract exists(key: string): Promise<boolean>;
}

/** Keys the system makes: path segments of letters, digits and dashes; nothing a path could escape with. */
export function assertStorageKey(key: string): void {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/i.test(key)) throw new Error(`Invalid storage key: ${key}`);
}
