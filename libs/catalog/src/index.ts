export * from './catalog-document';
export * from './catalog.module';
export * from './catalog.service';
