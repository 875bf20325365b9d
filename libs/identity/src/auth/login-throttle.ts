import { createHash } from 'node:crypto';
import { AppConfig, RedisRateLimits } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { type RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { IdentityError } from '../identity-error';

/**
 * Limits password guessing: failed logins are counted per client IP and per account over
 * `LOGIN_WINDOW_SECONDS`, shared by every api instance (see RedisRateLimits).
 */
@Injectable()
export class LoginThrottle extends RedisRateLimits {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(config: AppConfig) {
    super(config, 'login limits');
    const { maxPerIp, maxPerAccount, windowSeconds } = config.auth.login;
    this.perIp = this.limiter('login-ip', maxPerIp, windowSeconds);
    this.perAccount = this.limiter('login-account', maxPerAccount, windowSeconds);
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
}

/** Accounts are keyed by a hash of the normalized email: no personal data in Redis. */
const accountKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
