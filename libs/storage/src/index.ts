export * from './file-storage';
export * from './file-inspector';
export * from './local-file-storage';
export * from './s3-file-storage';
export * from './storage.module';
