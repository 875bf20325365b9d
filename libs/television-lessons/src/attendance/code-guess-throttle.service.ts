import { createHash } from 'node:crypto';
import { AppConfig, RedisRateLimits } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { type RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TelevisionError } from '../television-error';

/**
 * Limits attendance-code guessing per learner (TV_CODE_MAX_WRONG per TV_CODE_WINDOW_SECONDS),
 * shared by every api instance (see RedisRateLimits). Each entry counts at once, and a right
 * code gives its point back: only wrong guesses use up the allowance.
 */
@Injectable()
export class CodeGuessThrottle extends RedisRateLimits {
  private readonly limits: RateLimiterRedis;

  constructor(config: AppConfig) {
    super(config, 'attendance-code limits');
    const { maxWrong, windowSeconds } = config.television.codeGuesses;
    this.limits = this.limiter('tv-code', maxWrong, windowSeconds);
  }

  /** Counts one entry; 429 `ATTENDANCE_RATE_LIMITED` with `retryAfterSeconds` once used up. */
  async attempt(userId: string): Promise<void> {
    try {
      await this.limits.consume(keyOf(userId));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new TelevisionError(
        'ATTENDANCE_RATE_LIMITED',
        'Too many wrong attendance codes; try again later',
        { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) },
      );
    }
  }

  /** A right code: the entry does not count. */
  async succeeded(userId: string): Promise<void> {
    await this.limits.reward(keyOf(userId), 1).catch(() => undefined);
  }
}

const keyOf = (userId: string): string =>
  createHash('sha256').update(userId).digest('base64url').slice(0, 22);
