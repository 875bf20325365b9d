import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type HttpClient, listen } from '../support/http-client';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

const PASSWORD = 'Correct-horse-2026';
const config = testConfig({
  LOGIN_MAX_PER_ACCOUNT_AND_IP: '3',
  LOGIN_MAX_PER_ACCOUNT: '6',
  LOGIN_MAX_PER_IP: '5',
  LOGIN_WINDOW_SECONDS: '60',
  // The test client connects from loopback, playing the load balancer that sets X-Forwarded-For.
  TRUST_PROXY: '127.0.0.1',
});
let app: NestFastifyApplication;
let http: HttpClient;

/** A login from a given client address (the api trusts X-Forwarded-For from its proxy). */
const login = (email: string, password: string, ip: string) =>
  http.post('/api/v1/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': ip },
  });

async function registered(email: string): Promise<string> {
  const response = await http.post('/api/v1/auth/register', {
    body: { email, password: PASSWORD, fullName: 'Lê Văn Cường' },
  });
  expect(response.status).toBe(201);
  return email;
}

beforeAll(async () => {
  app = await createTestApp(config);
  http = await listen(app);
});

afterAll(async () => {
  await app.close();
});

describe('login rate limit', () => {
  it('refuses an account after 6 failures from anywhere, with 429 and Retry-After', async () => {
    const email = await registered('target@example.vn');
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6'])
      expect((await login(email, 'Wrong-horse-2026', ip)).status).toBe(401);

    // Even the right password is refused while the account is at its ceiling.
    const limited = await login(email, PASSWORD, '10.0.0.7');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account from the same addresses is not affected.
    const other = await registered('bystander@example.vn');
    expect((await login(other, PASSWORD, '10.0.0.7')).status).toBe(200);
  });

  it('slows an attacker on one address while the owner signs in from their own', async () => {
    const email = await registered('owner@example.vn');
    for (let n = 0; n < 3; n += 1)
      expect((await login(email, 'Wrong-horse-2026', '10.0.3.1')).status).toBe(401);
    expect((await login(email, 'Wrong-horse-2026', '10.0.3.1')).status).toBe(429);
    expect((await login(email, PASSWORD, '10.0.3.1')).status).toBe(429);

    expect((await login(email, PASSWORD, '10.0.3.2')).status).toBe(200);
  });

  it('counts accented, invisible and case variants of an email against the same account', async () => {
    const email = await registered('variant@example.vn');
    const variants = [
      'vàriant@example.vn',
      'vari\u00ADant@example.vn', // soft hyphen
      'VA\u200BRIANT@EXAMPLE.VN', // zero-width space
    ];
    for (const variant of variants)
      expect((await login(variant, 'Wrong-horse-2026', '10.0.4.1')).status).toBe(401);
    expect((await login(email, PASSWORD, '10.0.4.1')).status).toBe(429);
    expect((await login('ｖａｒｉａｎｔ@example.vn', PASSWORD, '10.0.4.1')).status).toBe(429);
    // The same variants name the account itself, from the owner's address.
    expect((await login('vàri\u00ADant@example.vn', PASSWORD, '10.0.4.2')).status).toBe(200);
  });

  it('refuses to register an accented or invisible variant of a taken email with 409', async () => {
    await registered('admin@lifelong.example');
    for (const variant of [
      'àdmin@lifelong.example',
      'ad\u00ADmin@lifelong.example',
      'ADMİN@lifelong.example'.replace('İ', 'I\u0307'),
      'admin\u200D@lifelong.example',
    ]) {
      const response = await http.post('/api/v1/auth/register', {
        body: { email: variant, password: PASSWORD, fullName: 'Kẻ Giả Danh' },
      });
      expect({ variant, status: response.status, code: response.body.code }).toEqual({
        variant,
        status: 409,
        code: 'EMAIL_TAKEN',
      });
    }
  });

  it('refuses an address after 5 failures, whichever accounts it tries', async () => {
    for (let n = 1; n <= 5; n += 1)
      expect((await login(`guess${n}@example.vn`, 'Wrong-horse-2026', '10.0.1.1')).status).toBe(
        401,
      );
    const limited = await login('guess6@example.vn', 'Wrong-horse-2026', '10.0.1.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await login('guess6@example.vn', 'Wrong-horse-2026', '10.0.1.2')).status).toBe(401);
  });

  it('forgets an account’s failures after a successful login', async () => {
    const email = await registered('forgetful@example.vn');
    for (let n = 0; n < 2; n += 1)
      expect((await login(email, 'Wrong-horse-2026', '10.0.2.1')).status).toBe(401);
    expect((await login(email, PASSWORD, '10.0.2.1')).status).toBe(200);
    for (let n = 0; n < 3; n += 1)
      expect((await login(email, 'Wrong-horse-2026', '10.0.2.1')).status).toBe(401);
    expect((await login(email, PASSWORD, '10.0.2.1')).status).toBe(429);
  });
});
