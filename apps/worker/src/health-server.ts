import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@motcua/config';
import { DatabaseHealth } from '@motcua/persistence';
import { REDIS } from '@motcua/queue';

/**
 * The worker has no API, but an orchestrator still needs to know it is alive and connected:
 * GET /health answers 200 when PostgreSQL and Redis answer, 503 otherwise.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private readonly server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'NOT_FOUND', message: 'Only GET /health' }));
      return;
    }
    void this.check().then((status) => {
      const up = status.database === 'up' && status.redis === 'up';
      response.writeHead(up ? 200 : 503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: up ? 'ok' : 'error', ...status }));
    });
  });

  constructor(
    private readonly config: AppConfig,
    private readonly database: DatabaseHealth,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return new Promise((resolve) =>
      this.server.listen(this.config.WORKER_HEALTH_PORT, () => {
        this.logger.log(`Worker health on http://localhost:${this.port}/health`);
        resolve();
      }),
    );
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  private async check(): Promise<{ database: 'up' | 'down'; redis: 'up' | 'down' }> {
    const [database, redis] = await Promise.allSettled([this.database.ping(), this.redis.ping()]);
    return { database: database.status === 'fulfilled' ? 'up' : 'down', redis: redis.status === 'fulfilled' ? 'up' : 'down' };
  }
}
