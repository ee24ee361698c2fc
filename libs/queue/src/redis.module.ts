import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@motcua/config';

/** Injection token of the shared ioredis client (rate limits, health); BullMQ opens its own connections. */
export const REDIS = Symbol('REDIS');

export function createRedis(config: AppConfig): Redis {
  // Without an offline queue a command fails at once while Redis is down, instead of hanging.
  return new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
}

class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [{ provide: REDIS, inject: [AppConfig], useFactory: createRedis }, RedisLifecycle],
  exports: [REDIS],
})
export class RedisModule {}
