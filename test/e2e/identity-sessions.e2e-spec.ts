import { ManualClock } from '@lifelong/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { answered, apiClient } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import { type HttpClient, listen } from '../support/http-client';
import { claimsOf, forgeJwt } from '../support/jwt';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

const START = '2026-11-29T08:00:00.000Z';
const config = testConfig();
const clock = new ManualClock(START);
let app: NestFastifyApplication;
let http: HttpClient;
let registered = 0;

/** Registers a fresh learner; returns the session the api answered. */
async function register(fields: Partial<Record<'email' | 'password' | 'fullName', string>> = {}) {
  registered += 1;
  return expectStatus(
    answered(
      apiClient(http.base).POST('/api/v1/auth/register', {
        body: {
          email: `learner${registered}@example.vn`,
          password: 'Correct-horse-2026',
          fullName: 'Trần Thị Bình',
          ...fields,
        },
      }),
    ),
    201,
  );
}

const me = (token: string) => answered(apiClient(http.base, token).GET('/api/v1/me'));
const refresh = (refreshToken: string) =>
  answered(apiClient(http.base).POST('/api/v1/auth/refresh', { body: { refreshToken } }));
const login = (email: string, password: string) =>
  answered(apiClient(http.base).POST('/api/v1/auth/login', { body: { email, password } }));

beforeAll(async () => {
  app = await createTestApp(config, { clock });
  http = await listen(app);
});

afterAll(async () => {
  await app.close();
});

afterEach(() => clock.set(START));

describe('register', () => {
  it('creates a learner, signed in, with the email normalized', async () => {
    const session = await register({ email: '  Lan.Nguyen@Example.VN ' });
    expect(session.user).toEqual({
      id: session.user.id,
      email: 'lan.nguyen@example.vn',
      fullName: 'Trần Thị Bình',
      locale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
      roles: [{ role: 'learner', scopeType: null, scopeId: null }],
    });
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await me(session.accessToken)).body).toEqual(session.user);
  });

  it('keeps SQL metacharacters and emoji in a name intact, and stores it in NFC', async () => {
    const name = `Nguye\u0302\u0303n O'Brien"; DROP TABLE users; -- \\ % _ 🎓👩‍🏫`;
    const session = await register({ fullName: `  ${name}  ` });
    const expected = name.normalize('NFC');
    expect(session.user.fullName).toBe(expected);
    expect((await me(session.accessToken)).body.fullName).toBe(expected);
    const [row] = await app
      .get(DataSource)
      .query<{ full_name: string }[]>('SELECT full_name FROM users WHERE id = ?', [
        session.user.id,
      ]);
    expect(row?.full_name).toBe(expected);
  });

  it('answers 409 EMAIL_TAKEN for an email in use, whatever its case', async () => {
    const first = await register();
    const again = await http.post('/api/v1/auth/register', {
      body: { email: first.user.email.toUpperCase(), password: 'Another-pass-2026', fullName: 'B' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN' });
  });

  it('refuses unknown fields, wrong types, weak passwords and bad JSON with 400, writing nothing', async () => {
    const users = async () =>
      (await app.get(DataSource).query<{ n: string }[]>('SELECT COUNT(*) AS n FROM users'))[0]?.n;
    const before = await users();
    const unknown = await http.post('/api/v1/auth/register', {
      body: { email: 'x@example.vn', password: 'Correct-horse-2026', fullName: 'X', isAdmin: true },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { isAdmin: ['property isAdmin should not exist'] } },
    });

    const wrongTypes = await http.post('/api/v1/auth/register', {
      body: { email: 42, password: ['Correct-horse-2026'], fullName: { first: 'X' } },
    });
    expect(wrongTypes.status).toBe(400);
    expect(Object.keys(wrongTypes.refusal?.details?.fields ?? {}).sort()).toEqual([
      'email',
      'fullName',
      'password',
    ]);

    const weak = await http.post('/api/v1/auth/register', {
      body: { email: 'y@example.vn', password: 'short', fullName: 'Y' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      details: { fields: { password: ['password must be at least 8 characters'] } },
    });

    const tooLong = await http.post('/api/v1/auth/register', {
      body: { email: 'z@example.vn', password: 'p'.repeat(129), fullName: 'Z' },
    });
    expect(tooLong.status).toBe(400);

    const malformed = await http.post('/api/v1/auth/register', { rawBody: '{"email": "a@' });
    expect(malformed.status).toBe(400);
    expect(await users()).toBe(before);
  });
});

describe('login', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const { user } = await register();
    const signedIn = await login(user.email.toUpperCase(), 'Correct-horse-2026');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ user });
    expect((await me(signedIn.body.accessToken)).status).toBe(200);
  });

  it('answers 401 INVALID_CREDENTIALS alike for a wrong password and an unknown email', async () => {
    const { user } = await register();
    const wrong = await http.post('/api/v1/auth/login', {
      body: { email: user.email, password: 'Wrong-horse-2026' },
    });
    const unknown = await http.post('/api/v1/auth/login', {
      body: { email: 'nobody@example.vn', password: 'Wrong-horse-2026' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        message: 'The email or password is wrong',
      });
    }
  });

  it('answers 400 for a malformed login body before checking anything', async () => {
    const missing = await http.post('/api/v1/auth/login', { body: { email: 'a@example.vn' } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.refusal?.details?.fields ?? {})).toEqual(['password']);
    const wrongType = await http.post('/api/v1/auth/login', {
      body: { email: 'a@example.vn', password: 12345678 },
    });
    expect(wrongType.status).toBe(400);
  });
});

describe('refresh tokens', () => {
  it('rotates: the new token works and the old one stops working', async () => {
    const session = await register();
    const rotated = await refresh(session.refreshToken);
    expect(rotated.status).toBe(200);
    expect(Object.keys(rotated.body).sort()).toEqual(['accessToken', 'refreshToken']);
    expect(rotated.body.refreshToken).not.toBe(session.refreshToken);
    expect((await me(rotated.body.accessToken)).status).toBe(200);
    expect((await refresh(rotated.body.refreshToken)).status).toBe(200);
  });

  it('revokes the whole family when a spent token is reused, the newest token included', async () => {
    const session = await register();
    const second = (await refresh(session.refreshToken)).body.refreshToken;
    const third = (await refresh(second)).body.refreshToken;

    const replay = await refresh(session.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    expect((await refresh(third)).status).toBe(401);
  });

  it('leaves the other sign-ins of the same user alone', async () => {
    const session = await register();
    const otherDevice = await login(session.user.email, 'Correct-horse-2026');
    await refresh(session.refreshToken);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    expect((await refresh(otherDevice.body.refreshToken)).status).toBe(200);
  });

  it('expires after REFRESH_TOKEN_TTL_DAYS by the clock', async () => {
    const session = await register();
    clock.advance(config.auth.refreshTokenTtlDays * 86_400_000 + 1);
    const late = await refresh(session.refreshToken);
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('refuses tokens it never issued', async () => {
    expect((await refresh('A'.repeat(43))).status).toBe(401);
  });
});

describe('logout', () => {
  it('ends the sign-in: 204, then its refresh token no longer works', async () => {
    const session = await register();
    const logout = await http.post('/api/v1/auth/logout', {
      token: session.accessToken,
      body: { refreshToken: session.refreshToken },
    });
    expect(logout.status).toBe(204);
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it('needs a signed-in caller', async () => {
    const session = await register();
    const anonymous = await http.post('/api/v1/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    expect(anonymous.status).toBe(401);
    expect((await refresh(session.refreshToken)).status).toBe(200);
  });
});

describe('access tokens', () => {
  it('answers /me with the caller, and 401 UNAUTHENTICATED without a token', async () => {
    const session = await register();
    expect((await me(session.accessToken)).status).toBe(200);
    const anonymous = await http.get('/api/v1/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('expires after ACCESS_TOKEN_TTL_SECONDS by the clock', async () => {
    const session = await register();
    const ttlMs = config.auth.accessTokenTtlSeconds * 1000;
    clock.advance(ttlMs - 1000);
    expect((await me(session.accessToken)).status).toBe(200);
    clock.advance(1000);
    const expired = await me(session.accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses forged tokens: another key, alg none, another algorithm, a tampered payload', async () => {
    const victim = await register();
    const attacker = await register();
    const claims = claimsOf(victim.accessToken);
    const [header, , signature] = attacker.accessToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claimsOf(attacker.accessToken), sub: victim.user.id })).toString('base64url')}.${signature}`;
    const forged = [
      forgeJwt({ alg: 'HS256' }, claims, 'another-secret-another-secret-0123456789'),
      forgeJwt({ alg: 'none' }, claims),
      forgeJwt({ alg: 'HS512' }, claims, config.auth.jwtSecret),
      tampered,
    ];
    for (const token of forged) {
      const response = await me(token);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    // The same claims signed the right way are accepted: the refusals above are about the forgery.
    expect((await me(forgeJwt({ alg: 'HS256' }, claims, config.auth.jwtSecret))).status).toBe(200);
  });

  it('refuses malformed Authorization headers', async () => {
    const session = await register();
    for (const authorization of [
      'Bearer',
      `Basic ${session.accessToken}`,
      `Bearer ${session.accessToken}x`,
      'Bearer a.b',
      `Bearer ${session.accessToken} extra`,
    ]) {
      const response = await http.get('/api/v1/me', { headers: { authorization } });
      expect(response.status).toBe(401);
    }
  });

  it('stops working once the account is gone', async () => {
    const session = await register();
    await app.get(DataSource).query('DELETE FROM users WHERE id = ?', [session.user.id]);
    expect((await me(session.accessToken)).status).toBe(401);
  });
});
