import { S3Client } from '@aws-sdk/client-s3';
import { Module } from '@nestjs/common';
import { AppConfig } from '@motcua/config';
import { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The storage driver FILE_STORAGE names. */
export function fileStorageFor(config: AppConfig): FileStorage {
  if (config.FILE_STORAGE === 'local') return new LocalFileStorage(config.FILE_STORAGE_DIR);
  const credentials = config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined;
  const client = new S3Client({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    credentials,
    // MinIO and Ceph address buckets by path; only AWS itself needs virtual-host names.
    forcePathStyle: config.S3_ENDPOINT !== undefined,
    // Checksums only where the protocol requires them: not every S3-compatible server knows the SDK's newer ones.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return new S3FileStorage(client, config.S3_BUCKET);
}

@Module({
  providers: [{ provide: FileStorage, useFactory: fileStorageFor, inject: [AppConfig] }],
  exports: [FileStorage],
})
export class StorageModule {}
