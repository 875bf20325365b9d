import { createHash } from 'node:crypto';
import { AppConfig } from '@lifelong/common';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { IdentityError } from '../identity-error';

/**
 * Limits password guessing: failed logins are counted per client IP and per account over
 * `LOGIN_WINDOW_SECONDS`, in Redis so every api instance shares the counts. While Redis is
 * unreachable an in-memory limiter per process takes over instead of letting guesses through.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: Redis;
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(config: AppConfig) {
    const { maxPerIp, maxPerAccount, windowSeconds } = config.auth.login;
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
    const keyPrefix = `${config.queues.prefix}:ratelimit:login`;
    this.perIp = this.limiter(`${keyPrefix}-ip`, maxPerIp, windowSeconds);
    this.perAccount = this.limiter(`${keyPrefix}-account`, maxPerAccount, windowSeconds);
  }

  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch((error: unknown) => {
      this.logger.warn(
        `Redis is unreachable (${error instanceof Error ? error.message : String(error)}); login limits are kept in memory until it returns`,
      );
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /**
   * Counts one attempt for the IP and the account (atomically, so a burst cannot slip past the
   * limit). Throws 429 `RATE_LIMITED` with `details.retryAfterSeconds` once either is used up.
   */
  async attempt(ip: string, email: string): Promise<void> {
    const results = await Promise.allSettled([
      this.perIp.consume(ip),
      this.perAccount.consume(accountKey(email)),
    ]);
    const waits: number[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      waits.push(result.reason.msBeforeNext);
    }
    if (waits.length === 0) return;
    throw new IdentityError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', {
      retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)),
    });
  }

  /** A correct password: the attempt does not count against the IP, and the account starts afresh. */
  async succeeded(ip: string, email: string): Promise<void> {
    await Promise.all([this.perIp.reward(ip), this.perAccount.delete(accountKey(email))]);
  }

  private limiter(keyPrefix: string, points: number, duration: number): RateLimiterRedis {
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

/** Accounts are keyed by a hash of the normalized email: no personal data in Redis. */
const accountKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
