export * from './notifier';
export * from './tasks.service';
export * from './workflow.engine';
export * from './workflow.module';
