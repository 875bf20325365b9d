import { AdministratorBootstrap } from '@lifelong/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { answered, apiClient } from '../support/api-client';
import { HttpClient } from '../support/http-client';
import { type IdTokenTamper, OidcTestProvider } from '../support/oidc-test-provider';
import { PERSON_PASSWORD } from '../support/people';
import { freePort, RedirectBrowser } from '../support/redirect-browser';
import { expectStatus, signIn as signInWithPassword } from '../support/e2e';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

// Single sign-on (domain.md, Accounts; api.md): a real OpenID Connect provider on loopback and the
// whole redirect dance over HTTP, with a browser's cookie rules, and every way it must fail.
const PROVIDER = 'test-idp';
let provider: OidcTestProvider;
let app: NestFastifyApplication;
let api: HttpClient;
let base: string;
let accounts = 0;
let adminToken: string;

const callbackPath = `/api/v1/auth/oidc/${PROVIDER}/callback`;
const failedAt = (reason: string) => `${base}/sign-in?sso=failed&reason=${reason}`;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await OidcTestProvider.start({
    clientId: 'lifelong-test',
    clientSecret: 'lifelong-test-client-secret',
    redirectUris: [`${base}${callbackPath}`],
  });
  const providers = [
    {
      id: PROVIDER,
      issuer: provider.issuer,
      clientId: 'lifelong-test',
      clientSecret: 'lifelong-test-client-secret',
      name: 'Cổng định danh thử',
    },
    // Nothing listens on port 9 (discard): a provider that cannot be reached.
    { id: 'offline', issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y', name: 'Off' },
  ];
  const config = testConfig({ PUBLIC_URL: base, OIDC_PROVIDERS: JSON.stringify(providers) });
  app = await createTestApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  api = new HttpClient(base);
  await app
    .get(AdministratorBootstrap)
    .ensureAdministrator(config.admin.email, config.admin.password);
  adminToken = await signInWithPassword(api, config.admin.email, config.admin.password);
});

afterAll(async () => {
  await app?.close();
  await provider?.stop();
});

/** Someone with an account at the provider; a fresh subject per call. */
async function providerAccount(claims: { email?: string; email_verified?: boolean } = {}) {
  accounts += 1;
  const account = {
    id: `subject-${accounts}-${Date.now()}`,
    email: `sso-${accounts}@example.vn`,
    email_verified: true,
    name: `Người dùng SSO ${accounts}`,
    ...claims,
  };
  await provider.addAccount(account);
  return account;
}

/** GET the start route; answers the provider URL it redirects to. */
async function begin(browser: RedirectBrowser, returnTo?: string): Promise<string> {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const start = await browser.get(`${base}/api/v1/auth/oidc/${PROVIDER}/start${query}`);
  expect(start.status).toBe(302);
  expect(start.location?.startsWith(provider.issuer)).toBe(true);
  return start.location!;
}

/** At the provider: follow its redirects, sign in as the account; answers our callback URL. */
async function atProvider(browser: RedirectBrowser, url: string, login: string): Promise<string> {
  let next = url;
  for (let hop = 0; hop < 10; hop += 1) {
    if (next.startsWith(`${base}${callbackPath}`)) return next;
    const visit = next.includes('/interaction/')
      ? await browser.postForm(next, { login })
      : await browser.get(next);
    if (visit.location === null) throw new Error(`the provider stopped at ${next}: ${visit.text}`);
    next = visit.location;
  }
  throw new Error('the provider never sent the browser back');
}

/** The callback; answers where it sends the browser. */
async function finish(browser: RedirectBrowser, callbackUrl: string): Promise<string | null> {
  const visit = await browser.get(callbackUrl);
  expect(visit.status).toBe(302);
  return visit.location;
}

/** Who the browser is signed in as: what the web app does on load (refresh from the cookie). */
async function signedInAs(browser: RedirectBrowser) {
  const cookie = browser.cookie(`${base}/api/v1/auth/refresh`, 'lifelong_refresh');
  if (!cookie) return null;
  const refreshed = await answered(
    apiClient(base).POST('/api/v1/auth/refresh', {
      body: {},
      headers: { cookie: `lifelong_refresh=${cookie}` },
    }),
  );
  if (refreshed.status !== 200) return null;
  const me = await answered(apiClient(base, refreshed.body.accessToken).GET('/api/v1/me'));
  return me.body;
}

async function signIn(login: string, returnTo?: string) {
  const browser = new RedirectBrowser();
  const location = await finish(
    browser,
    await atProvider(browser, await begin(browser, returnTo), login),
  );
  return { browser, location, user: await signedInAs(browser) };
}

async function register(email: string): Promise<string> {
  const registered = await expectStatus(
    answered(
      apiClient(base).POST('/api/v1/auth/register', {
        body: { email, password: PERSON_PASSWORD, fullName: 'Chủ tài khoản' },
      }),
    ),
    201,
  );
  return registered.user.id;
}

describe('the providers list', () => {
  it('names each configured provider, and nothing secret', async () => {
    const response = await api.get('/api/v1/auth/oidc/providers');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { id: PROVIDER, name: 'Cổng định danh thử' },
      { id: 'offline', name: 'Off' },
    ]);
  });
});

describe('starting a sign-in', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce, and a callback-only cookie', async () => {
    const browser = new RedirectBrowser();
    const url = new URL(await begin(browser, '/my-learning'));
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('lifelong-test');
    expect(params.get('redirect_uri')).toBe(`${base}${callbackPath}`);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const [flow] = browser.held('lifelong_sso');
    expect(flow?.path).toBe(callbackPath);
    expect(flow?.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax']));
    // The cookie names the flow; it is not the state or anything the provider sees.
    expect(url.href).not.toContain(flow!.value);
  });

  it('answers 404 for a provider that is not configured', async () => {
    const response = await api.get('/api/v1/auth/oidc/nobody/start');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('SSO_PROVIDER_NOT_FOUND');
  });

  it.each(['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses to return anywhere but a path of this site: %s',
    async (returnTo) => {
      const response = await api.get(
        `/api/v1/auth/oidc/${PROVIDER}/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    },
  );

  it('sends the person back to the sign-in page when the provider cannot be reached', async () => {
    const visit = await new RedirectBrowser().get(`${base}/api/v1/auth/oidc/offline/start`);
    expect(visit.status).toBe(302);
    expect(visit.location).toBe(failedAt('unavailable'));
  });
});

describe('signing in', () => {
  it('makes a learner account at the first sign-in and lands signed in where the person was going', async () => {
    const account = await providerAccount();
    const first = await signIn(account.id, '/my-learning?tab=active');
    expect(first.location).toBe(`${base}/my-learning?tab=active`);
    expect(first.user).toMatchObject({
      email: account.email,
      fullName: account.name,
      roles: [{ role: 'learner', scopeType: null, scopeId: null }],
    });
    // The refresh cookie is set exactly as login sets it.
    const [refresh] = first.browser.held('lifelong_refresh');
    expect(refresh?.path).toBe('/api/v1/auth');
    expect(refresh?.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict']));
    expect(first.browser.held('lifelong_sso')).toEqual([]);

    const second = await signIn(account.id);
    expect(second.location).toBe(`${base}/`);
    expect(second.user?.id).toBe(first.user?.id);
  });

  it('finds the same account by (issuer, subject) even after the email changed at the provider', async () => {
    const account = await providerAccount();
    const first = await signIn(account.id);
    await provider.addAccount({ ...account, email: `renamed-${account.email}` });
    const second = await signIn(account.id);
    expect(second.user?.id).toBe(first.user?.id);
    expect(second.user?.email).toBe(account.email);
  });

  it('links a verified email to the existing account, which keeps its password', async () => {
    const email = `verified-owner-${Date.now()}@example.vn`;
    const ownerId = await register(email);
    const account = await providerAccount({ email: email.toUpperCase(), email_verified: true });
    const signedIn = await signIn(account.id);
    expect(signedIn.user?.id).toBe(ownerId);
    const login = await api.post('/api/v1/auth/login', {
      body: { email, password: PERSON_PASSWORD },
    });
    expect(login.status).toBe(200);
  });

  it('never links an unverified email: a new learner account is made instead', async () => {
    const email = `unverified-owner-${Date.now()}@example.vn`;
    const ownerId = await register(email);
    const account = await providerAccount({ email, email_verified: false });
    const signedIn = await signIn(account.id);
    expect(signedIn.user).not.toBeNull();
    expect(signedIn.user?.id).not.toBe(ownerId);
    // Nor does the new account take that address: its real owner could never claim it back.
    expect(signedIn.user?.email).not.toBe(email);
    expect(String(signedIn.user?.email)).toMatch(/\.invalid$/);
    expect(signedIn.user?.roles).toEqual([{ role: 'learner', scopeType: null, scopeId: null }]);
    // The same identity keeps landing in its own account.
    expect((await signIn(account.id)).user?.id).toBe(signedIn.user?.id);
  });
});

describe('a deactivated account', () => {
  const statusOf = async (userId: string) =>
    (await api.get(`/api/v1/admin/users/${userId}`, { token: adminToken })).body.status;

  it('cannot sign in through a provider, and can again once reactivated', async () => {
    const account = await providerAccount();
    const first = await signIn(account.id);
    const userId = first.user!.id;
    // No password, but a linked identity: the account can sign in on its own.
    expect(await statusOf(userId)).toBe('active');

    const deactivated = await api.post(`/api/v1/admin/users/${userId}/deactivate`, {
      token: adminToken,
    });
    expect(deactivated.status).toBe(200);
    expect(await statusOf(userId)).toBe('deactivated');
    // The session the sign-in opened is over, and a new sign-in goes back to the sign-in page.
    expect(await signedInAs(first.browser)).toBeNull();
    const refused = await signIn(account.id);
    expect(refused.location).toBe(failedAt('account'));
    expect(refused.user).toBeNull();
    expect(refused.browser.held('lifelong_refresh')).toEqual([]);

    const reactivated = await api.post(`/api/v1/admin/users/${userId}/reactivate`, {
      token: adminToken,
    });
    expect(reactivated.status).toBe(200);
    expect((await signIn(account.id)).user?.id).toBe(userId);
  });
});

describe('a callback that must fail', () => {
  it('refuses a tampered state, and the sign-in cannot be finished after it', async () => {
    const account = await providerAccount();
    const browser = new RedirectBrowser();
    const callback = await atProvider(browser, await begin(browser), account.id);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    expect(await finish(browser, tampered.href)).toBe(failedAt('state'));
    expect(await signedInAs(browser)).toBeNull();
    expect(await finish(browser, callback)).toBe(failedAt('state'));
    expect(await signedInAs(browser)).toBeNull();
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const account = await providerAccount();
    const victim = new RedirectBrowser();
    const callback = await atProvider(victim, await begin(new RedirectBrowser()), account.id);
    expect(await finish(victim, callback)).toBe(failedAt('state'));
    expect(await signedInAs(victim)).toBeNull();
  });

  it('refuses a replayed callback, and a replayed code in a fresh sign-in', async () => {
    const account = await providerAccount();
    const browser = new RedirectBrowser();
    const callback = await atProvider(browser, await begin(browser), account.id);
    const flowCookie = browser.cookie(callback, 'lifelong_sso')!;
    expect(await finish(browser, callback)).toBe(`${base}/`);

    // The very same request again, cookie included.
    const replay = await fetch(callback, {
      redirect: 'manual',
      headers: { cookie: `lifelong_sso=${flowCookie}` },
    });
    expect(replay.headers.get('location')).toBe(failedAt('state'));
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('lifelong_refresh=ey'))).toBe(
      false,
    );

    // The old code carried into a new sign-in of the same browser, with that sign-in's state.
    const thief = new RedirectBrowser();
    const fresh = new URL(await begin(thief));
    const replayed = new URL(callback);
    replayed.searchParams.set('state', fresh.searchParams.get('state')!);
    expect(await finish(thief, replayed.href)).toBe(failedAt('token'));
    expect(await signedInAs(thief)).toBeNull();
  });

  it('says the provider refused when it answers with an error', async () => {
    const browser = new RedirectBrowser();
    const state = new URL(await begin(browser)).searchParams.get('state')!;
    const location = await finish(
      browser,
      `${base}${callbackPath}?error=access_denied&state=${state}`,
    );
    expect(location).toBe(failedAt('denied'));
  });

  it('refuses a callback for a provider that is not configured', async () => {
    const visit = await new RedirectBrowser().get(
      `${base}/api/v1/auth/oidc/elsewhere/callback?code=abc&state=def`,
    );
    expect(visit.status).toBe(302);
    expect(visit.location).toBe(failedAt('provider'));
  });

  describe('an ID token that fails its checks', () => {
    afterEach(() => provider.tamper(null));

    it.each<[string, IdTokenTamper]>([
      ['another nonce', 'wrong-nonce'],
      ['an expiry in the past', 'expired'],
      ['another issuer', 'wrong-issuer'],
      ['no signature at all (alg: none)', 'alg-none'],
      ['a signature by a key the provider does not publish', 'foreign-key'],
    ])('is refused when it carries %s', async (_case, mode) => {
      const account = await providerAccount();
      await provider.tamper(mode);
      const browser = new RedirectBrowser();
      const callback = await atProvider(browser, await begin(browser), account.id);
      expect(await finish(browser, callback)).toBe(failedAt('token'));
      expect(await signedInAs(browser)).toBeNull();
      // The same person, with an honest token, signs in: only the spoiled token was refused.
      await provider.tamper(null);
      expect((await signIn(account.id)).user?.email).toBe(account.email);
    });
  });
});

describe('a provider that rotates its signing keys', () => {
  afterEach(() => jest.useRealTimers());

  it('is followed: a token signed with a key not seen before makes the api fetch the keys again', async () => {
    const account = await providerAccount();
    const first = await signIn(account.id); // the api now holds the provider's current keys
    expect(first.user).not.toBeNull();
    await provider.rotateKeys();
    // openid-client fetches the keys again for an unknown key id once its copy is a minute old
    // (so a stream of bad tokens cannot make it hammer the provider): move this process's time.
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
      advanceTimers: true,
      now: Date.now() + 61_000,
    });
    const second = await signIn(account.id);
    expect(second.location).toBe(`${base}/`);
    expect(second.user?.id).toBe(first.user?.id);
  });
});
