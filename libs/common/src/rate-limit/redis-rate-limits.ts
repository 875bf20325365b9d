import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/config';

/**
 * The base of a service's rate limits (sign-in attempts, attendance-code guesses): counts live in
 * Redis so every api instance shares them; while Redis is unreachable an in-memory limiter per
 * process takes over instead of letting attempts through. One connection per service.
 */
export abstract class RedisRateLimits implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(this.constructor.name);
  private readonly redis: Redis;

  /** `what` names the limits in the start-up warning ("login limits"). */
  protected constructor(
    private readonly config: AppConfig,
    private readonly what: string,
  ) {
    // No offline queue: while Redis is away a command fails at once and the insurance answers.
    this.redis = new Redis(config.redis.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      // Closing while Redis is away leaves a timer this long (ioredis); keep shutdown quick.
      disconnectTimeout: 200,
    });
    this.redis.on('error', () => undefined); // reported once at start; the readiness probe owns Redis health
  }

  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch((error: unknown) => {
      this.logger.warn(
        `Redis is unreachable (${error instanceof Error ? error.message : String(error)}); ${this.what} are kept in memory until it returns`,
      );
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /**
   * A limiter of `points` per `duration` seconds under `<queue prefix>:ratelimit:<name>`;
   * `consume` counts atomically, so a burst cannot slip past the limit.
   */
  protected limiter(name: string, points: number, duration: number): RateLimiterRedis {
    const keyPrefix = `${this.config.queues.prefix}:ratelimit:${name}`;
    return new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
  }
}
