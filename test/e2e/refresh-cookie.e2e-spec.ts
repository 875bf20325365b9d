import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { answered, apiClient } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import { type HttpClient, listen } from '../support/http-client';
import { PERSON_PASSWORD } from '../support/people';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

// web.md "Sign-in in the browser": the refresh token also travels in an HttpOnly, SameSite=Strict
// cookie limited to /api/v1/auth, which refresh and logout read when the body has none.
let app: NestFastifyApplication;
let http: HttpClient;
let registered = 0;

/** A Set-Cookie line of a response, split into its attributes. */
function setCookie(
  response: { headers: Headers },
  name: string,
): { value: string; attributes: string[] } {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '';
  expect(line).not.toBe('');
  const [pair = '', ...attributes] = line.split(/;\s*/);
  return { value: pair.slice(name.length + 1), attributes };
}

const refreshCookie = (response: { headers: Headers }) => setCookie(response, 'lifelong_refresh');
/** What the web app reads to know a refresh is worth asking for. */
const signedInCookie = (response: { headers: Headers }) =>
  setCookie(response, 'lifelong_signed_in');
const isCleared = (attributes: string[]) =>
  attributes.some((a) => a === 'Max-Age=0' || a.startsWith('Expires=Thu, 01 Jan 1970'));

const cookieHeader = (value: string) => ({ cookie: `lifelong_refresh=${value}` });

async function register() {
  registered += 1;
  const response = await answered(
    apiClient(http.base).POST('/api/v1/auth/register', {
      body: {
        email: `cookie${registered}@example.vn`,
        password: PERSON_PASSWORD,
        fullName: 'Lê Văn Cư',
      },
    }),
  );
  await expectStatus(response, 201);
  return response;
}

const refreshWithCookie = (value: string) =>
  answered(
    apiClient(http.base).POST('/api/v1/auth/refresh', { body: {}, headers: cookieHeader(value) }),
  );

describe('the refresh cookie on a public https address', () => {
  beforeAll(async () => {
    app = await createTestApp(testConfig({ PUBLIC_URL: 'https://hoctap.example.vn' }));
    http = await listen(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('is set by register and login: HttpOnly, Secure, SameSite=Strict, Path=/api/v1/auth', async () => {
    const registration = await register();
    const login = await answered(
      apiClient(http.base).POST('/api/v1/auth/login', {
        body: { email: `cookie${registered}@example.vn`, password: PERSON_PASSWORD },
      }),
    );
    for (const response of [registration, login]) {
      const cookie = refreshCookie(response);
      expect(cookie.value).toBe(response.body.refreshToken);
      expect(cookie.attributes).toEqual(
        expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth']),
      );
      expect(cookie.attributes.some((a) => /^Max-Age=\d+$/.test(a))).toBe(true);
    }
  });

  it('refreshes from the cookie alone: rotates, and sets the new token in a new cookie', async () => {
    const first = refreshCookie(await register()).value;
    const refreshed = await refreshWithCookie(first);
    expect(refreshed.status).toBe(200);
    const next = refreshCookie(refreshed);
    expect(next.value).toBe(refreshed.body.refreshToken);
    expect(next.value).not.toBe(first);
    expect(next.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict']),
    );
    expect(
      (await answered(apiClient(http.base, refreshed.body.accessToken).GET('/api/v1/me'))).status,
    ).toBe(200);
  });

  it('ends the whole sign-in when an old cookie comes back', async () => {
    const first = refreshCookie(await register()).value;
    const second = refreshCookie(await refreshWithCookie(first)).value;
    const replay = await refreshWithCookie(first);
    expect(replay.status).toBe(401);
    expect(replay.refusal?.code).toBe('REFRESH_TOKEN_REUSED');
    const newest = await refreshWithCookie(second);
    expect(newest.status).toBe(401);
  });

  it('still takes the token from the JSON body (API clients)', async () => {
    const session = await register();
    const refreshed = await http.post('/api/v1/auth/refresh', {
      body: { refreshToken: session.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
  });

  it('answers 401 REFRESH_TOKEN_INVALID when neither body nor cookie has a token', async () => {
    const response = await http.post('/api/v1/auth/refresh', { body: {} });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('signs out from the cookie: clears it, and the token no longer refreshes', async () => {
    const session = await register();
    const token = refreshCookie(session).value;
    const logout = await http.post('/api/v1/auth/logout', {
      body: {},
      token: session.body.accessToken,
      headers: cookieHeader(token),
    });
    expect(logout.status).toBe(204);
    const cleared = refreshCookie(logout);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/api/v1/auth']));
    expect(isCleared(cleared.attributes)).toBe(true);
    expect(isCleared(signedInCookie(logout).attributes)).toBe(true);
    expect((await refreshWithCookie(token)).status).toBe(401);
  });

  it('says to the pages that a refresh cookie is held, with it and never with the token', async () => {
    const session = await register();
    const marker = signedInCookie(session);
    expect(marker.value).toBe('1');
    expect(marker.attributes).toEqual(
      expect.arrayContaining(['Secure', 'SameSite=Strict', 'Path=/']),
    );
    expect(marker.attributes).not.toContain('HttpOnly');
    const maxAge = (attributes: string[]) => attributes.find((a) => a.startsWith('Max-Age='));
    expect(maxAge(marker.attributes)).toBe(maxAge(refreshCookie(session).attributes));
    const refused = await refreshWithCookie('not-a-token');
    expect(refused.status).toBe(401);
    expect(isCleared(refreshCookie(refused).attributes)).toBe(true);
    expect(isCleared(signedInCookie(refused).attributes)).toBe(true);
  });
});

describe('the refresh cookie on a local http address', () => {
  beforeAll(async () => {
    app = await createTestApp(testConfig({ PUBLIC_URL: 'http://localhost:3000' }));
    http = await listen(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('is not Secure, so the browser keeps it on http://localhost', async () => {
    const cookie = refreshCookie(await register());
    expect(cookie.attributes).not.toContain('Secure');
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict']));
  });
});
