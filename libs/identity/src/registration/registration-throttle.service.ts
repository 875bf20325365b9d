import { AppConfig, RedisRateLimits } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { type RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { IdentityError } from '../identity-error';

/**
 * Limits self-registration per client address (`REGISTER_MAX_PER_IP` per
 * `REGISTER_WINDOW_SECONDS`), shared by every api instance (see RedisRateLimits), so a script
 * cannot mint accounts, or probe which emails are taken, in bulk. Every attempt counts.
 */
@Injectable()
export class RegistrationThrottle extends RedisRateLimits {
  private readonly perIp: RateLimiterRedis;

  constructor(config: AppConfig) {
    super(config, 'registration limits');
    const { maxPerIp, windowSeconds } = config.auth.registration;
    this.perIp = this.limiter('register-ip', maxPerIp, windowSeconds);
  }

  /** Counts one registration; 429 `RATE_LIMITED` with `retryAfterSeconds` once used up. */
  async attempt(ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new IdentityError(
        'RATE_LIMITED',
        'Too many registrations from your address; try again later',
        { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) },
      );
    }
  }
}
