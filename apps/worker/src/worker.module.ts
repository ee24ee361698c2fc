import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@motcua/config';
import { PersistenceModule } from '@motcua/persistence';
import { QueueRootModule } from '@motcua/queue';

/** The worker process: BullMQ processors only, no HTTP. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }) }),
    PersistenceModule,
    QueueRootModule,
  ],
})
export class WorkerModule {}
