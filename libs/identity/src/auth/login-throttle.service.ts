import { createHash } from 'node:crypto';
import { AppConfig, RedisRateLimits } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { type RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { IdentityError } from '../identity-error';
import { canonicalEmail } from '../users/user-input';

/**
 * Limits password guessing, over `LOGIN_WINDOW_SECONDS`, shared by every api instance (see
 * RedisRateLimits): per client IP, per account from one IP, and per account from everywhere
 * with a higher ceiling. A guesser on one address is stopped after a few tries on an account
 * while its owner, from their own address, still signs in (docs/identity.md).
 */
@Injectable()
export class LoginThrottle extends RedisRateLimits {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccountAndIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(config: AppConfig) {
    super(config, 'login limits');
    const { maxPerIp, maxPerAccountAndIp, maxPerAccount, windowSeconds } = config.auth.login;
    this.perIp = this.limiter('login-ip', maxPerIp, windowSeconds);
    this.perAccountAndIp = this.limiter('login-account-ip', maxPerAccountAndIp, windowSeconds);
    this.perAccount = this.limiter('login-account', maxPerAccount, windowSeconds);
  }

  /**
   * Counts one attempt for the IP, the account from that IP and the account (atomically, so a
   * burst cannot slip past a limit). Throws 429 `RATE_LIMITED` with `details.retryAfterSeconds`
   * once any is used up.
   */
  async attempt(ip: string, email: string): Promise<void> {
    const account = accountKey(email);
    const results = await Promise.allSettled([
      this.perIp.consume(ip),
      this.perAccountAndIp.consume(`${account}:${ip}`),
      this.perAccount.consume(account),
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
    const account = accountKey(email);
    await Promise.all([
      this.perIp.reward(ip),
      this.perAccountAndIp.delete(`${account}:${ip}`),
      this.perAccount.delete(account),
    ]);
  }
}

/**
 * Accounts are keyed by a hash of the canonical email (every variant the database would match
 * counts against the one account), so no personal data sits in Redis.
 */
const accountKey = (email: string): string =>
  createHash('sha256').update(canonicalEmail(email)).digest('base64url');
