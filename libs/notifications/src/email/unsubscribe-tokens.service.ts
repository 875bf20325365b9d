import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AppConfig, isId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';

const PURPOSE = 'lifelong/notifications/unsubscribe/v1';

/** The path of the one-click unsubscribe route (api only serves it; emails link to it). */
export const UNSUBSCRIBE_PATH = '/api/v1/notifications/unsubscribe';

/**
 * Signed unsubscribe tokens: `<userId>.<HMAC-SHA256>`. They do not expire (a link in an old email
 * must keep working) and say only "this user may turn their email off". The key is
 * UNSUBSCRIBE_SECRET, or one derived from JWT_SECRET with HKDF for this purpose alone, so a
 * token is never an access token and rotating one secret does not have to touch the other.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly key: Buffer;
  private readonly publicUrl: string;

  constructor(config: AppConfig) {
    const secret = config.notifications.unsubscribeSecret;
    this.key = secret
      ? Buffer.from(secret, 'utf8')
      : Buffer.from(hkdfSync('sha256', config.auth.jwtSecret, '', PURPOSE, 32));
    this.publicUrl = config.http.publicUrl;
  }

  issue(userId: string): string {
    return `${userId}.${this.mac(userId).toString('base64url')}`;
  }

  /** The user a token was issued for; null for anything tampered, truncated or malformed. */
  verify(token: string): string | null {
    const dot = token.lastIndexOf('.');
    const userId = token.slice(0, dot);
    if (dot < 0 || !isId(userId)) return null;
    // Compared as text: base64url decoding skips stray characters, so a changed token could
    // otherwise decode to the right bytes.
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.mac(userId).toString('base64url'), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
  }

  /** The absolute one-click link for this user's emails. */
  url(userId: string): string {
    return `${this.publicUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(this.issue(userId))}`;
  }

  private mac(userId: string): Buffer {
    return createHmac('sha256', this.key).update(`${PURPOSE}:${userId}`).digest();
  }
}
