export * from './auth';
export * from './calendar';
export * from './catalog';
export * from './dossier';
export * from './errors';
export * from './units';
