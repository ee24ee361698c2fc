export * from './auth';
export * from './errors';
export * from './units';
export * from './time';
