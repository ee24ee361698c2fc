import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface S3Server {
  /** The environment the API and the worker need to store files there. */
  env: { FILE_STORAGE: 's3'; S3_ENDPOINT: string; S3_BUCKET: string; S3_REGION: string; S3_ACCESS_KEY_ID: string; S3_SECRET_ACCESS_KEY: string };
  close(): Promise<void>;
}

/**
 * An S3-protocol server for one test file (s3rver, an npm package: no MinIO binary can be installed
 * here), with one empty bucket in a throw-away directory. It speaks the same REST protocol, multipart
 * uploads included, that MinIO and AWS answer.
 */
export async function startS3Server(bucket = 'motcua-files'): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'motcua-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  return {
    env: { FILE_STORAGE: 's3', S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_BUCKET: bucket, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
