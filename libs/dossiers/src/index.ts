export * from './dossiers.module';
export * from './intake.service';
export * from './public-lookup.service';
export * from './route-resolver';
export * from './slips.service';
export * from './dossier-files.service';
