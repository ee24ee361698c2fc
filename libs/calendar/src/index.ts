export * from './calendar.module';
export * from './calendar.service';
