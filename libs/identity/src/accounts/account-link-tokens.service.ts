import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { AppConfig } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { AccountTokenPurpose } from './account-token.entity';

const KEY_PURPOSE = 'lifelong/identity/account-links/v1';

/** The web app's pages that take each kind of link. */
export const ACCOUNT_LINK_PAGES: Record<AccountTokenPurpose, string> = {
  invitation: '/invitation',
  password_reset: '/reset-password',
};

/**
 * The secret of a one-time link is an HMAC of its row id under a key derived from JWT_SECRET
 * (HKDF, for this purpose only). So the database keeps only its SHA-256, the outbox event only
 * the row id, and the worker that emails it derives it again: no table ever holds a usable
 * token. Rotating JWT_SECRET makes links not yet used stop working (they are short-lived).
 */
@Injectable()
export class AccountLinkTokens {
  private readonly key: Buffer;
  private readonly publicUrl: string;

  constructor(config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.auth.jwtSecret, '', KEY_PURPOSE, 32));
    this.publicUrl = config.http.publicUrl;
  }

  /** The token of the link stored under `tokenId`: 43 base64url characters. */
  tokenFor(tokenId: string): string {
    return createHmac('sha256', this.key).update(tokenId).digest('base64url');
  }

  /** What the database keeps of a token (and looks it up by): its hex SHA-256. */
  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  /**
   * The absolute link to the web app's page, the token in the fragment: browsers never send a
   * fragment to a server nor in a Referer, so it stays out of access logs and third parties.
   */
  url(purpose: AccountTokenPurpose, tokenId: string): string {
    return `${this.publicUrl}${ACCOUNT_LINK_PAGES[purpose]}#token=${this.tokenFor(tokenId)}`;
  }
}
