import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { assertStorageKey, FileStorage } from './file-storage';

/** One part in memory per upload at a time: 50 concurrent 5 MB parts stay within the API's heap. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * S3-compatible object storage (MinIO, Ceph, a cloud bucket): what several API replicas share. The
 * stream goes up as a multipart upload, one part at a time; a failed upload is aborted, so nothing
 * is left under the key (the bucket's lifecycle rule for incomplete uploads catches an abort that fails).
 */
export class S3FileStorage extends FileStorage {
  readonly driver = 's3';

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  async write(key: string, body: Readable, mediaType: string): Promise<void> {
    assertStorageKey(key);
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: body, ContentType: mediaType }, partSize: PART_BYTES, queueSize: 1 });
    // When the stream failed, that is the error to tell (a 413, a client that hung up), not the abort's.
    await upload.done().catch((error: unknown) => {
      throw body.errored ?? error;
    });
  }

  async read(key: string): Promise<Readable> {
    assertStorageKey(key);
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return object.Body as Readable;
  }

  async remove(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    return this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })).then(
      () => true,
      (error: { name?: string }) => {
        if (error.name === 'NotFound' || error.name === 'NoSuchKey') return false;
        throw error;
      },
    );
  }
}
