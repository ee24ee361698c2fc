export * from './agencies.repository';
export * from './calendar.repository';
export * from './catalog.repository';
export * from './dossiers.repository';
export * from './idempotency.repository';
export * from './units.repository';
export * from './users.repository';
