export * from './pdf-signature';
