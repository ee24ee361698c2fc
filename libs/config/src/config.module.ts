import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';
import { Clock } from './clock';

/** Provides the validated AppConfig (the only reader of process.env) and the Clock everywhere. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadConfig(process.env) }, Clock],
  exports: [AppConfig, Clock],
})
export class AppConfigModule {}
