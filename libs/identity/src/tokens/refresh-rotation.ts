import { createHash, randomBytes } from 'node:crypto';

/** A new opaque refresh token: 32 random bytes, base64url (43 characters). */
export function newRefreshTokenValue(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a refresh token: its hex SHA-256 (the token has full entropy). */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The state of a stored refresh token that rotation looks at. */
export interface RefreshTokenState {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What presenting this token does at `now`:
 * - `rotate`: it is live; spend it and hand out the next one of the family;
 * - `reuse`: it was already spent, so someone replays it (a thief or the victim): end the family;
 * - `revoked` / `expired`: refuse, nothing to change.
 */
export type RefreshOutcome = 'rotate' | 'reuse' | 'revoked' | 'expired';

export function refreshOutcome(token: RefreshTokenState, now: Date): RefreshOutcome {
  if (token.revokedAt !== null) return 'revoked';
  if (token.usedAt !== null) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
