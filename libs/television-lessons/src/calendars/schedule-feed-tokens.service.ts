import { createHash, createHmac, randomBytes } from 'node:crypto';
import { AppConfig } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { TelevisionError } from '../television-error';
import { ScheduleFeedTokensRepository } from './schedule-feed-tokens.repository';

/**
 * Learners' personal calendar feed URLs. A calendar app cannot send a bearer token, so the URL
 * carries one: derived from a per-user salt with a key of its own (itself derived from
 * JWT_SECRET for this purpose only), stored only as a SHA-256 hash. Rotating draws a new salt.
 */
@Injectable()
export class ScheduleFeedTokens {
  private readonly key: Buffer;

  constructor(
    private readonly tokens: ScheduleFeedTokensRepository,
    private readonly config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.auth.jwtSecret)
      .update('lifelong:schedule-feed')
      .digest();
  }

  /** The learner's feed URL, made on first use (two first calls agree on one URL). */
  async url(userId: string): Promise<string> {
    const stored = await this.tokens.findByUser(userId);
    if (stored) return this.urlOf(this.tokenOf(userId, stored.salt));
    const salt = randomBytes(16).toString('hex');
    await this.tokens.insertIfAbsent({
      userId,
      salt,
      tokenHash: hashOf(this.tokenOf(userId, salt)),
    });
    const kept = await this.tokens.findByUserOrFail(userId);
    return this.urlOf(this.tokenOf(userId, kept.salt));
  }

  /** A new URL; the previous one stops working at once. */
  async rotate(userId: string): Promise<string> {
    const salt = randomBytes(16).toString('hex');
    const token = this.tokenOf(userId, salt);
    await this.tokens.save({ userId, salt, tokenHash: hashOf(token) });
    return this.urlOf(token);
  }

  /** The owner of a feed token, or 404 `FEED_TOKEN_INVALID` (revoked, mistyped, made up). */
  async ownerOf(token: string | undefined): Promise<string> {
    const found =
      token && /^[A-Za-z0-9_-]{43}$/.test(token)
        ? await this.tokens.findByHash(hashOf(token))
        : null;
    if (!found)
      throw new TelevisionError(
        'FEED_TOKEN_INVALID',
        'This calendar feed does not exist or was replaced',
      );
    return found.userId;
  }

  private tokenOf(userId: string, salt: string): string {
    return createHmac('sha256', this.key).update(`${userId}.${salt}`).digest('base64url');
  }

  private urlOf(token: string): string {
    return `${this.config.http.publicUrl}/api/v1/me/schedule.ics?token=${token}`;
  }
}

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
