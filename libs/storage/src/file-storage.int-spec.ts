import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from '@motcua/config';
import { startS3Server, S3Server } from '@motcua/testing';
import { FileStorage } from './file-storage';
import { fileStorageFor } from './storage.module';

const text = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** A stream that gives `bytes` and then fails, as a client that hangs up halfway does. */
const failingAfter = (bytes: Buffer) =>
  new Readable({
    read() {
      if (this.readableLength === 0 && !(this as { sent?: boolean }).sent) {
        (this as { sent?: boolean }).sent = true;
        this.push(bytes);
      } else this.destroy(new Error('client hung up'));
    },
  });

describe.each(['local', 's3'] as const)('the %s file storage', (driver) => {
  let storage: FileStorage;
  let directory: string;
  let s3: S3Server | undefined;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'motcua-files-'));
    if (driver === 's3') s3 = await startS3Server();
    storage = fileStorageFor(loadConfig(driver === 's3' ? { ...s3!.env } : { FILE_STORAGE: 'local', FILE_STORAGE_DIR: directory }));
  });
  afterAll(async () => {
    await s3?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('stores a stream of several parts (12 MB) and gives the same bytes back', async () => {
    const bytes = Buffer.alloc(12 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE(i, i);
    const parts = [bytes.subarray(0, 3_000_000), bytes.subarray(3_000_000, 9_000_000), bytes.subarray(9_000_000)];
    await storage.write('2026/12/one', Readable.from(parts), 'application/pdf');
    expect(await storage.exists('2026/12/one')).toBe(true);
    expect((await text(await storage.read('2026/12/one'))).equals(bytes)).toBe(true);
  });

  it('leaves nothing under the key when the stream fails halfway', async () => {
    await expect(storage.write('2026/12/broken', failingAfter(Buffer.alloc(6 * 1024 * 1024, 1)), 'application/pdf')).rejects.toThrow('client hung up');
    expect(await storage.exists('2026/12/broken')).toBe(false);
    if (driver === 'local') expect(await readdir(join(directory, '2026/12'))).toEqual(['one']);
  });

  it('removes an object, and removing it again is not an error', async () => {
    await storage.write('2026/12/gone', Readable.from([Buffer.from('%PDF-1.7')]), 'application/pdf');
    await storage.remove('2026/12/gone');
    await storage.remove('2026/12/gone');
    expect(await storage.exists('2026/12/gone')).toBe(false);
  });

  it('refuses keys a path could escape with', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a//b', 'a/./b', 'a b']) {
      await expect(storage.write(key, Readable.from([Buffer.from('x')]), 'application/pdf')).rejects.toThrow('Invalid storage key');
    }
  });
});
