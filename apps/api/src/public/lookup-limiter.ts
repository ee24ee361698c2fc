import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@motcua/config';
import { ErrorCode } from '@motcua/domain';
import { REDIS } from '@motcua/queue';
import { FailureLimiter, isDomainError } from '../common/failure-limiter';

const wrongCodeOrVerifier = isDomainError(ErrorCode.NOT_FOUND);

/**
 * Slows down guessing of verifiers, per dossier code: 20 failed lookups of one code in a day, from any
 * addresses, make that code wait out the day; 5 from one address in 15 minutes make that address wait
 * for that code. Nothing is counted per address across codes, so people behind one address (a
 * carrier's NAT, a kiosk) are never held up by others' mistakes on other codes. A success does not wipe
 * the counts, so valid lookups cannot hide guesses between them. The README estimates what guessing costs.
 */
@Injectable()
export class LookupLimiter {
  private readonly perCode: FailureLimiter;
  private readonly perClientAndCode: FailureLimiter;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const policy = { counts: wrongCodeOrVerifier, forgetOnSuccess: false, subject: 'failed lookups of this dossier' };
    this.perCode = new FailureLimiter(redis, `${config.REDIS_PREFIX}:lookup-failures:code`, { ...policy, allowed: 20, windowSeconds: 24 * 3600 });
    this.perClientAndCode = new FailureLimiter(redis, `${config.REDIS_PREFIX}:lookup-failures:client-code`, { ...policy, allowed: 5, windowSeconds: 15 * 60 });
  }

  guard<T>(client: string, code: string, lookup: () => Promise<T>): Promise<T> {
    const key = code.trim().toUpperCase();
    return this.perCode.guard(key, () => this.perClientAndCode.guard(`${client}|${key}`, lookup));
  }
}
