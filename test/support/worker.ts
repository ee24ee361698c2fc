import type { ChildProcess } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { childEnvironment, spawnWorkerProcess } from '@motcua/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The real worker, in this test process, on the same database and Redis prefix as the API booted here. */
export async function startWorker(): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  return worker;
}

/** Retries an assertion until it passes (the worker acts asynchronously) or the time is up. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The worker as its own process, from source, on this file's database and Redis prefix; resolves once it has started. */
export function spawnWorker(): Promise<ChildProcess> {
  return spawnWorkerProcess(childEnvironment({}));
}
