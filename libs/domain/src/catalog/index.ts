export * from './procedure';
export * from './vietnamese-text';
export * from './workflow';
export * from './workflow-navigation';
