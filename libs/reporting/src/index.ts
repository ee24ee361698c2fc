export * from './reporting.module';
export * from './reports.service';
