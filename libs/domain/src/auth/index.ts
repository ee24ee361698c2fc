export * from './actor';
export * from './agency-kind';
export * from './password';
export * from './role';
export * from './scope';
