import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '@motcua/domain';

export interface FailurePolicy {
  /** Failures a key may have in the window before it must wait out the rest of the window. */
  allowed: number;
  windowSeconds: number;
  /** Which errors of the guarded attempt count as a failure. */
  counts: (error: unknown) => boolean;
  /** Whether a success wipes the key's failures (consecutive failures) or not (failures in the window). */
  forgetOnSuccess: boolean;
  /** What the client did too often, for the 429 message. */
  subject: string;
}

/**
 * Counts failed attempts per key (a client address, an account) in Redis, so every API replica shares
 * the count, and answers 429 RATE_LIMITED with the seconds to wait once a key has failed too often.
 * While Redis is unreachable each replica counts in its own memory, so logins and lookups go on.
 */
export class FailureLimiter {
  private readonly failures: RateLimiterRedis;

  constructor(
    redis: Redis,
    keyPrefix: string,
    private readonly policy: FailurePolicy,
  ) {
    const limits = { keyPrefix, points: policy.allowed, duration: policy.windowSeconds };
    this.failures = new RateLimiterRedis({ ...limits, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(limits) });
  }

  /**
   * Reserves a failure before the attempt (so parallel attempts cannot all pass the check) and gives
   * it back when the attempt did not fail in a way that counts.
   */
  async guard<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    try {
      await this.failures.consume(key);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) throw this.tooMany(refusal);
      throw refusal;
    }
    try {
      const result = await attempt();
      await (this.policy.forgetOnSuccess ? this.failures.delete(key) : this.failures.reward(key, 1));
      return result;
    } catch (error) {
      if (!this.policy.counts(error)) await this.failures.reward(key, 1);
      throw error;
    }
  }

  private tooMany(state: RateLimiterRes): DomainError {
    const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    return new DomainError(ErrorCode.RATE_LIMITED, `Too many ${this.policy.subject}; try again in ${retryAfter} seconds`, { retryAfter });
  }
}

/** An error with this domain code. */
export const isDomainError = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;
