import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
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

/** How long an attempt waits for a slot held by attempts still running, before it is told to retry. */
const MAX_QUEUE_MS = 5000;
const QUEUE_POLL_MS = 50;

/**
 * Counts failed attempts per key (a client address, an account) in Redis, so every API replica shares
 * the count, and answers 429 RATE_LIMITED, with the true seconds to wait, once a key has failed too
 * often. Only failures count: attempts still running hold a slot (so twenty simultaneous guesses cannot
 * all pass the check before the first fails), and one that finds every slot held waits for them instead
 * of being refused, so eight right passwords at once all succeed. While Redis is unreachable each
 * replica counts in its own memory, so logins and lookups go on.
 */
export class FailureLimiter {
  private readonly failures: RateLimiterRedis;
  private readonly running: RateLimiterRedis;

  constructor(
    redis: Redis,
    keyPrefix: string,
    private readonly policy: FailurePolicy,
  ) {
    const failures = { keyPrefix: `${keyPrefix}:failed`, points: policy.allowed, duration: policy.windowSeconds };
    // A slot a crashed replica never gave back expires with its key.
    const running = { keyPrefix: `${keyPrefix}:running`, points: 1_000_000, duration: 60 };
    this.failures = new RateLimiterRedis({ ...failures, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(failures) });
    this.running = new RateLimiterRedis({ ...running, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(running) });
  }

  async guard<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    await this.takeSlot(key);
    try {
      const result = await attempt();
      if (this.policy.forgetOnSuccess) await this.failures.delete(key);
      return result;
    } catch (error) {
      if (this.policy.counts(error)) await this.failures.penalty(key, 1);
      throw error;
    } finally {
      await this.running.reward(key, 1);
    }
  }

  /** Admits the attempt when its key's failures and the attempts running with it leave a slot. */
  private async takeSlot(key: string): Promise<void> {
    const deadline = Date.now() + MAX_QUEUE_MS;
    for (;;) {
      const { consumedPoints: running } = await this.running.consume(key);
      const failed = await this.failures.get(key);
      const failures = failed?.consumedPoints ?? 0;
      if (failures + running <= this.policy.allowed) return;
      await this.running.reward(key, 1);
      if (failures >= this.policy.allowed) throw this.tooMany(Math.ceil(failed!.msBeforeNext / 1000));
      if (Date.now() >= deadline) throw this.tooMany(1);
      await new Promise((resolve) => setTimeout(resolve, QUEUE_POLL_MS));
    }
  }

  private tooMany(seconds: number): DomainError {
    const retryAfter = Math.max(1, seconds);
    return new DomainError(ErrorCode.RATE_LIMITED, `Too many ${this.policy.subject}; try again in ${retryAfter} seconds`, { retryAfter });
  }
}

/** An error with this domain code. */
export const isDomainError = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;
