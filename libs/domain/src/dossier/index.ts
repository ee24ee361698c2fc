export * from './dossier';
export * from './dossier-actions';
export * from './dossier-code';
export * from './dossier-status';
export * from './task';
