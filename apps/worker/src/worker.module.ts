import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@motcua/config';
import { PersistenceModule } from '@motcua/persistence';
import { QueueRootModule, RedisModule } from '@motcua/queue';
import { WorkerHealthServer } from './health-server';

/** The worker process: BullMQ processors only, no HTTP. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }) }),
    PersistenceModule,
    RedisModule,
    QueueRootModule,
  ],
  providers: [WorkerHealthServer],
})
export class WorkerModule {}
