export * from './auth';
export * from './calendar';
export * from './errors';
export * from './units';
