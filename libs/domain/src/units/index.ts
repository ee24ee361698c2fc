export * from './unit-file';
