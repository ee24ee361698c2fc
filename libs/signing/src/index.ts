export * from './pdf-signature';
export * from './signing-key';
