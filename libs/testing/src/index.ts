export * from './services';
export * from './test-environment';
