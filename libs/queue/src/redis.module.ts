import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@motcua/config';

/** Injection token of the shared ioredis client (rate limits, health); BullMQ opens its own connections. */
export const REDIS = Symbol('REDIS');

export function createRedis(config: AppConfig): Redis {
  // Commands wait for the first connection, but fail after one reconnection attempt while Redis is
  // down instead of hanging: health checks and rate limits must answer quickly.
  return new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
}

class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for pending replies; while Redis is down there are none to wait for.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}

@Module({
  providers: [{ provide: REDIS, inject: [AppConfig], useFactory: createRedis }, RedisLifecycle],
  exports: [REDIS],
})
export class RedisModule {}
