import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@motcua/config';
import { ErrorCode } from '@motcua/domain';
import { REDIS } from '@motcua/queue';
import { FailureLimiter, isDomainError } from '../common/failure-limiter';

/**
 * Slows down guessing of codes and verifiers: 10 failed lookups per client address in 15 minutes.
 * A success does not wipe the count, so valid codes cannot hide the guesses between them.
 */
@Injectable()
export class LookupLimiter extends FailureLimiter {
  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    super(redis, `${config.REDIS_PREFIX}:lookup-failures`, {
      allowed: 10,
      windowSeconds: 15 * 60,
      counts: isDomainError(ErrorCode.NOT_FOUND),
      forgetOnSuccess: false,
      subject: 'failed lookups',
    });
  }
}
