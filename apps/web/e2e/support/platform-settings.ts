/**
 * Where the browser tests' platform listens and what it is called, fixed before anything starts
 * so the config, the global setup and every test worker agree. Each TEST_DB_PREFIX gets its own
 * port (people share machines); WEB_TEST_PORT overrides it.
 */
export const testPrefix = (): string => `${process.env.TEST_DB_PREFIX ?? 'lifelong_test'}_web`;

export function webTestPort(): number {
  const fixed = Number(process.env.WEB_TEST_PORT);
  if (Number.isInteger(fixed) && fixed > 0) return fixed;
  let hash = 0;
  for (const char of testPrefix()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 41_000 + (hash % 8_000);
}

/** 127.0.0.1, not localhost: the api listens on IPv4 only. */
export const webTestBaseUrl = (): string => `http://127.0.0.1:${webTestPort()}`;

/** The platform administrator the global setup creates (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const TEST_ADMIN = { email: 'admin@lifelong.test', password: 'admin-password-123' };

/** The test SMTP server's mailbox, read over HTTP by tests (see mailbox.ts). */
export const mailboxPort = (): number => webTestPort() + 1;

/** The single sign-on provider the global setup runs on loopback (another site: `localhost`). */
export const SSO_PROVIDER = { id: 'test-idp', name: 'Cổng định danh thử' } as const;

/** Someone with an account at that provider only (no password here), email verified. */
export const SSO_ACCOUNT = {
  id: 'tran.thi.sso',
  email: 'tran.thi.sso@example.vn',
  email_verified: true,
  name: 'Trần Thị Sơn',
} as const;
