export * from './dossier';
export * from './lifecycle';
export * from './dossier-code';
export * from './dossier-status';
export * from './task';
export * from './appointment';
export * from './history';
export * from './supplement-limit';
