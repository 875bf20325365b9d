import { createHash } from 'node:crypto';
import { AppConfig } from '@lifelong/common';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TelevisionError } from '../television-error';

/**
 * Limits attendance-code guessing per learner (TV_CODE_MAX_WRONG per TV_CODE_WINDOW_SECONDS),
 * in Redis so every api instance shares the count; an in-memory limiter per process takes over
 * while Redis is away. Each entry counts at once (atomically, so a burst cannot slip past), and
 * a right code gives its point back: only wrong guesses use up the allowance.
 */
@Injectable()
export class CodeGuessThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CodeGuessThrottle.name);
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(config: AppConfig) {
    const { maxWrong, windowSeconds } = config.television.codeGuesses;
    this.redis = new Redis(config.redis.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      disconnectTimeout: 200,
    });
    this.redis.on('error', () => undefined);
    const keyPrefix = `${config.queues.prefix}:ratelimit:tv-code`;
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix,
      points: maxWrong,
      duration: windowSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({
        keyPrefix,
        points: maxWrong,
        duration: windowSeconds,
      }),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch((error: unknown) => {
      this.logger.warn(
        `Redis is unreachable (${error instanceof Error ? error.message : String(error)}); code guesses are counted in memory until it returns`,
      );
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Counts one entry; 429 `ATTENDANCE_RATE_LIMITED` with `retryAfterSeconds` once used up. */
  async attempt(userId: string): Promise<void> {
    try {
      await this.limiter.consume(keyOf(userId));
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
    await this.limiter.reward(keyOf(userId), 1).catch(() => undefined);
  }
}

const keyOf = (userId: string): string =>
  createHash('sha256').update(userId).digest('base64url').slice(0, 22);
