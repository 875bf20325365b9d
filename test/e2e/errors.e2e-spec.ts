import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { testConfig } from '../setup/test-env';

// api.md "Errors": every refusal has the same body, including those Fastify raises before Nest
// (body parsing, limits, media types, unknown routes); bad input never yields a 500 or a stack.
let app: NestFastifyApplication;
let base: string;

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { fields?: Record<string, string[]> };
  requestId: string;
}

async function register(body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-request-id': 'err-test-1' },
    body,
  });
}

async function errorOf(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const text = await response.text();
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack frames
  const body = JSON.parse(text) as ErrorBody;
  expect(Object.keys(body).sort()).toEqual(
    expect.arrayContaining(['code', 'message', 'requestId', 'statusCode']),
  );
  expect(body.statusCode).toBe(status);
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  return body;
}

const valid = {
  email: 'an.nguyen@example.vn',
  password: 'Strong-password-2026',
  fullName: 'Nguyễn An',
};

beforeAll(async () => {
  app = await createApp(testConfig({ BODY_LIMIT_BYTES: '1048576' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await app.close();
});

describe('error bodies', () => {
  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const body = await errorOf(await register('{"email": "a@b.vn",'), 400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', requestId: 'err-test-1' });
    expect(body.message).toMatch(/not valid JSON/);
  });

  it('lists each field with a wrong type under details.fields', async () => {
    const body = await errorOf(
      await register(JSON.stringify({ email: 42, password: ['x'], fullName: { a: 1 } })),
      400,
    );
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.details?.fields ?? {}).sort()).toEqual([
      'email',
      'fullName',
      'password',
    ]);
  });

  it('refuses unknown fields, naming them', async () => {
    const body = await errorOf(
      await register(JSON.stringify({ ...valid, isAdmin: true, roles: ['admin'] })),
      400,
    );
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.details?.fields ?? {}).sort()).toEqual(['isAdmin', 'roles']);
  });

  it.each([
    ['an array', '[1, 2]'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['null', 'null'],
    ['an empty body', ''],
    ['a prototype-poisoning object', '{"__proto__": {"isAdmin": true}}'],
  ])('answers %s where an object is expected with 400', async (_what, payload) => {
    const body = await errorOf(await register(payload), 400);
    expect(body.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
  ])('answers %s nested 10,000 levels deep with 400, not 500', async (_what, payload) => {
    const body = await errorOf(await register(payload), 400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(body.message).toMatch(/nests deeper/);
  });

  it('answers a 10 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({ ...valid, fullName: 'x'.repeat(10 * 1024 * 1024) });
    const body = await errorOf(await register(huge), 413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each(['application/xml', 'text/plain', 'application/x-www-form-urlencoded'])(
    'answers a %s body on a JSON route with 415',
    async (contentType) => {
      const body = await errorOf(await register('email=a%40b.vn', contentType), 415);
      expect(body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('answers an unknown route with 404 in the same body', async () => {
    const response = await fetch(`${base}/api/v1/no-such-thing?x=1`);
    const body = await errorOf(response, 404);
    expect(body.code).toBe('NOT_FOUND');
  });

  it('answers a URL that does not percent-decode with 400 in the same body', async () => {
    const response = await fetch(`${base}/api/v1/enrollments/%5C/lessons/%/complete`, {
      method: 'POST',
      headers: { 'x-request-id': 'err-test-2' },
    });
    const body = await errorOf(response, 400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', requestId: 'err-test-2' });
  });

  it('answers a request line too large for the parser with 431 in the same body', async () => {
    const body = await errorOf(await fetch(`${base}/api/v1/courses?q=${'A'.repeat(300_000)}`), 431);
    expect(body.code).toBe('HEADERS_TOO_LARGE');
  });

  it('still accepts the valid request', async () => {
    const response = await register(JSON.stringify(valid));
    expect(response.status).toBe(201);
  });
});
