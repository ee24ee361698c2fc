import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '@motcua/calendar';
import { CatalogModule } from '@motcua/catalog';
import { AppConfig, AppConfigModule } from '@motcua/config';
import { PersistenceModule } from '@motcua/persistence';
import { QUEUES, QueueRootModule, RedisModule } from '@motcua/queue';
import { StorageModule } from '@motcua/storage';
import { WorkflowModule } from '@motcua/workflow';
import { EventsProcessor } from './events/events.processor';
import { FilesJanitor } from './files/files-janitor';
import { WorkerHealthServer } from './health-server';
import { OutboxRelay } from './outbox/outbox-relay';
import { QueueErrorLogger } from './queue-errors';
import { ReportProjector } from './reports/report-projector';
import { TimersProcessor } from './timers/timers.processor';

/** The worker process: the outbox relay, BullMQ processors, the report projector and the files' janitor; no HTTP but a health port. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }) }),
    PersistenceModule,
    RedisModule,
    QueueRootModule,
    BullModule.registerQueue({ name: QUEUES.events }, { name: QUEUES.timers }),
    CalendarModule,
    CatalogModule,
    WorkflowModule,
    StorageModule,
  ],
  providers: [WorkerHealthServer, OutboxRelay, EventsProcessor, TimersProcessor, ReportProjector, QueueErrorLogger, FilesJanitor],
})
export class WorkerModule {}
