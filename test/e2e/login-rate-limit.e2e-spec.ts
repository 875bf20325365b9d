import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type HttpClient, listen } from '../support/http-client';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

const PASSWORD = 'Correct-horse-2026';
const config = testConfig({
  LOGIN_MAX_PER_ACCOUNT: '3',
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
  it('refuses an account after 3 failures, from any address, with 429 and Retry-After', async () => {
    const email = await registered('target@example.vn');
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expect((await login(email, 'Wrong-horse-2026', ip)).status).toBe(401);

    // Even the right password is refused while the account is limited.
    const limited = await login(email, PASSWORD, '10.0.0.4');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account from the same addresses is not affected.
    const other = await registered('bystander@example.vn');
    expect((await login(other, PASSWORD, '10.0.0.4')).status).toBe(200);
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
      expect((await login(email, 'Wrong-horse-2026', '10.0.2.2')).status).toBe(401);
    expect((await login(email, PASSWORD, '10.0.2.3')).status).toBe(429);
  });
});
