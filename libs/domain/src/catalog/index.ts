export * from './procedure';
export * from './vietnamese-text';
export * from './workflow';
