import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@motcua/config';
import { DomainError, ErrorCode } from '@motcua/domain';
import { REDIS } from '@motcua/queue';

/** Failed lookups a client may make in the window before it must wait. */
const FAILURES_ALLOWED = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * Slows down guessing of codes and verifiers: only failed lookups count, per client address, in Redis
 * so every API replica shares the count.
 */
@Injectable()
export class LookupLimiter {
  private readonly failures: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    this.failures = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:lookup-failures`,
      points: FAILURES_ALLOWED,
      duration: WINDOW_SECONDS,
    });
  }

  /**
   * Runs a lookup for a client: RATE_LIMITED (429, with the seconds to wait) when it has failed too
   * often; a NOT_FOUND it ends with counts as one more failure.
   */
  async guard<T>(client: string, lookup: () => Promise<T>): Promise<T> {
    const state = await this.failures.get(client);
    if (state && state.consumedPoints >= FAILURES_ALLOWED) throw tooMany(state);
    try {
      return await lookup();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) await this.failures.penalty(client, 1);
      throw error;
    }
  }
}

function tooMany(state: RateLimiterRes): DomainError {
  const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return new DomainError(ErrorCode.RATE_LIMITED, `Too many failed lookups; try again in ${retryAfter} seconds`, { retryAfter });
}
