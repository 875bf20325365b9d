import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type HttpClient, listen } from '../support/http-client';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

const config = testConfig({
  REGISTER_MAX_PER_IP: '5',
  REGISTER_WINDOW_SECONDS: '60',
  // The test client connects from loopback, playing the load balancer that sets X-Forwarded-For.
  TRUST_PROXY: '127.0.0.1',
});
let app: NestFastifyApplication;
let http: HttpClient;

/** A registration from a given client address (the api trusts X-Forwarded-For from its proxy). */
const register = (email: string, ip: string) =>
  http.post('/api/v1/auth/register', {
    body: { email, password: 'Correct-horse-2026', fullName: 'Đoàn Thị Mai' },
    headers: { 'x-forwarded-for': ip },
  });

beforeAll(async () => {
  app = await createTestApp(config);
  http = await listen(app);
});

afterAll(async () => {
  await app.close();
});

describe('registration rate limit', () => {
  it('lets one address register REGISTER_MAX_PER_IP accounts per window, then answers 429', async () => {
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, n) => register(`bulk${n}@example.vn`, '10.9.0.1')),
    );
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);

    const limited = burst.find((response) => response.status === 429)!;
    expect(limited.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.any(String) as unknown,
      details: { retryAfterSeconds: expect.any(Number) as unknown },
      requestId: limited.headers.get('x-request-id'),
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Another address is not affected.
    expect((await register('neighbour@example.vn', '10.9.0.2')).status).toBe(201);
  });
});
