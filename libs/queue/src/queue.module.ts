import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '@motcua/config';

/** BullMQ's shared connection settings: one Redis, every key under REDIS_PREFIX. */
export const QueueRootModule = BullModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: config.REDIS_PREFIX,
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: config.EVENT_RETRY_DELAY_MS }, removeOnComplete: 1000, removeOnFail: false },
  }),
});
