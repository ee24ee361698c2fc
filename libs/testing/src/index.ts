export * from './pdf-text';
export * from './services';
export * from './test-config';
export * from './test-environment';
export * from './synthetic-dossiers';
export * from './worker-process';
export * from './s3-server';
