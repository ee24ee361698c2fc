export * from './slip.model';
