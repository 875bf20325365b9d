import { hashRefreshToken, newRefreshTokenValue, refreshOutcome } from './refresh-rotation';

const now = new Date('2026-11-29T08:00:00.000Z');
const later = new Date('2026-12-29T08:00:00.000Z');

describe('refresh token rotation', () => {
  it('rotates a live token', () => {
    expect(refreshOutcome({ expiresAt: later, usedAt: null, revokedAt: null }, now)).toBe('rotate');
  });

  it('treats a spent token as reuse, which ends the family', () => {
    expect(refreshOutcome({ expiresAt: later, usedAt: now, revokedAt: null }, now)).toBe('reuse');
  });

  it('refuses a revoked family before anything else', () => {
    expect(refreshOutcome({ expiresAt: later, usedAt: now, revokedAt: now }, now)).toBe('revoked');
  });

  it('refuses a token at or past its expiry', () => {
    expect(refreshOutcome({ expiresAt: now, usedAt: null, revokedAt: null }, now)).toBe('expired');
  });

  it('hands out 43-character base64url tokens and stores only a hash', () => {
    const token = newRefreshTokenValue();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRefreshTokenValue()).not.toBe(token);
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).not.toContain(token);
  });
});
