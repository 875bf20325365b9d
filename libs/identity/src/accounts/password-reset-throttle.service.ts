import { createHash } from 'node:crypto';
import { AppConfig, RedisRateLimits } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { type RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { IdentityError } from '../identity-error';
import { canonicalEmail } from '../users/user-input';

/**
 * Limits password-reset requests over `RECOVERY_WINDOW_SECONDS`, shared by every api
 * instance: per client address (a script probing or mail-bombing many people) and per email
 * (one person's mailbox flooded from many addresses). Every request counts, known email or not,
 * so the limit itself tells nothing about who has an account.
 */
@Injectable()
export class PasswordResetThrottle extends RedisRateLimits {
  private readonly perIp: RateLimiterRedis;
  private readonly perEmail: RateLimiterRedis;

  constructor(config: AppConfig) {
    super(config, 'password-reset limits');
    const { maxPerIp, maxPerEmail, windowSeconds } = config.auth.passwordReset;
    this.perIp = this.limiter('reset-ip', maxPerIp, windowSeconds);
    this.perEmail = this.limiter('reset-email', maxPerEmail, windowSeconds);
  }

  /** Counts one request; 429 `RATE_LIMITED` with `retryAfterSeconds` once either is used up. */
  async attempt(ip: string, email: string): Promise<void> {
    // Keyed by a hash of the canonical email: no personal data in Redis.
    const emailKey = createHash('sha256').update(canonicalEmail(email)).digest('base64url');
    const results = await Promise.allSettled([
      this.perIp.consume(ip),
      this.perEmail.consume(emailKey),
    ]);
    const waits: number[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      waits.push(result.reason.msBeforeNext);
    }
    if (waits.length === 0) return;
    throw new IdentityError('RATE_LIMITED', 'Too many password-reset requests; try again later', {
      retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)),
    });
  }
}
