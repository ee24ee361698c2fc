import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  // On SIGTERM Nest closes modules in reverse order: BullMQ workers finish their active jobs first.
  worker.enableShutdownHooks();
  worker.get(Logger).log('Worker started');
}

void main();
