import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Runs until SIGTERM or SIGINT, then closes: BullMQ workers finish their active jobs before queues close. */
async function main(): Promise<void> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = worker.get(Logger);
  worker.useLogger(logger);
  logger.log('Worker started');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.log(`Worker stopping (${signal})`);
  await worker.close();
  // Everything is closed; don't let a stray handle keep a stopped worker alive.
  process.exit(0);
}

void main();
