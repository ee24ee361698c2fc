import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@motcua/config';
import { ErrorCode } from '@motcua/domain';
import { REDIS } from '@motcua/queue';
import { FailureLimiter, isDomainError } from '../common/failure-limiter';

const wrongPassword = isDomainError(ErrorCode.INVALID_CREDENTIALS);

/**
 * Back-off for password guessing: 5 consecutive failures for one account from one address, or 30
 * failures from one address across accounts, make that address wait out 15 minutes. Keyed by address
 * too, so a stranger cannot lock an officer out of their own counter.
 */
@Injectable()
export class LoginLimiter {
  private readonly perAccount: FailureLimiter;
  private readonly perClient: FailureLimiter;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const windowSeconds = 15 * 60;
    const subject = 'failed logins';
    this.perAccount = new FailureLimiter(redis, `${config.REDIS_PREFIX}:login-failures:account`, { allowed: 5, windowSeconds, counts: wrongPassword, forgetOnSuccess: true, subject });
    this.perClient = new FailureLimiter(redis, `${config.REDIS_PREFIX}:login-failures:client`, { allowed: 30, windowSeconds, counts: wrongPassword, forgetOnSuccess: false, subject });
  }

  guard<T>(client: string, username: string, login: () => Promise<T>): Promise<T> {
    return this.perClient.guard(client, () => this.perAccount.guard(`${client}|${username.toLowerCase()}`, login));
  }
}
