import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createTestEnvironment, exportAppEnvironment, TestEnvironment } from '@motcua/testing';
import { WorkerHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

describe('worker process', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
    exportAppEnvironment({ WORKER_HEALTH_PORT: '0' });
  });
  afterAll(() => env.dispose());

  it('boots against PostgreSQL and Redis, reports its health, and shuts down cleanly', async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    const db = worker.get(DataSource);
    expect(await db.query(`SELECT count(*)::int AS users FROM users`)).toEqual([{ users: 22 }]);
    const health = await fetch(`http://127.0.0.1:${worker.get(WorkerHealthServer).port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up', redis: 'up' });

    await env.dropDatabase();
    const down = await fetch(`http://127.0.0.1:${worker.get(WorkerHealthServer).port}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', database: 'down', redis: 'up' });

    await worker.close();
    expect(db.isInitialized).toBe(false);
  });
});
