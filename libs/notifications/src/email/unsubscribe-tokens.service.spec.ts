import type { AppConfig } from '@lifelong/common';
import { UnsubscribeTokens } from './unsubscribe-tokens.service';

/** The settings UnsubscribeTokens reads. */
const testConfigLike = (
  overrides: { jwtSecret?: string; unsubscribeSecret?: string } = {},
): AppConfig =>
  ({
    http: { publicUrl: 'https://lifelong.example.vn' },
    auth: { jwtSecret: overrides.jwtSecret ?? 'test-secret-test-secret-test-secret-0123456789' },
    notifications: { digestHourLocal: 7, unsubscribeSecret: overrides.unsubscribeSecret ?? null },
  }) as AppConfig;

const USER = '01938f2e-7c4a-7b1e-9d3f-5a6b7c8d9e0f';
const OTHER = '01938f2e-7c4a-7b1e-9d3f-5a6b7c8d9e10';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens(testConfigLike());

  it('gives back the user a token was issued for', () => {
    expect(tokens.verify(tokens.issue(USER))).toBe(USER);
  });

  it('builds an absolute link under PUBLIC_URL', () => {
    expect(tokens.url(USER)).toMatch(
      /^https:\/\/lifelong\.example\.vn\/api\/v1\/notifications\/unsubscribe\?token=[^&]+$/,
    );
  });

  it.each([
    ['another user with this signature', (token: string) => token.replace(USER, OTHER)],
    [
      'a changed signature',
      (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    ],
    ['an extra character', (token: string) => `${token}!`],
    ['a cut signature', (token: string) => token.slice(0, -4)],
    ['no signature', () => `${USER}.`],
    ['no user', (token: string) => token.slice(USER.length)],
    ['nothing', () => ''],
  ])('refuses %s', (_case, tamper) => {
    expect(tokens.verify(tamper(tokens.issue(USER)))).toBeNull();
  });

  it('refuses a token signed with another key', () => {
    const other = new UnsubscribeTokens(
      testConfigLike({ jwtSecret: 'another-secret-another-secret-0123456789' }),
    );
    expect(tokens.verify(other.issue(USER))).toBeNull();
  });

  it('signs with UNSUBSCRIBE_SECRET when set, not with the JWT secret', () => {
    const explicit = new UnsubscribeTokens(testConfigLike({ unsubscribeSecret: 'u'.repeat(40) }));
    expect(explicit.issue(USER)).not.toBe(tokens.issue(USER));
    expect(explicit.verify(explicit.issue(USER))).toBe(USER);
  });
});
