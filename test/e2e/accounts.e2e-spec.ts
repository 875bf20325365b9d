import { randomInt, randomUUID } from 'node:crypto';
import { ManualClock } from '@lifelong/common';
import { AdministratorBootstrap, type Scope } from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestWorker } from '../support/test-worker';
import { testConfig } from '../setup/test-env';
import { answered, apiClient } from '../support/api-client';
import { eventually, expectStatus } from '../support/e2e';
import { type HttpClient, type HttpResult, type Json, listen } from '../support/http-client';
import { type Person, peopleRegistry, PERSON_PASSWORD } from '../support/people';
import { ScopeTree } from '../support/scope-tree';
import { headerOf, SmtpTestServer } from '../support/smtp-test-server';
import { createTestApp } from '../support/test-app';

// Accounts for real people (issue 14), over HTTP with the real api, worker and SMTP server:
// invitations from the staff import and from managers, forgotten passwords, own sessions and
// password, deactivation. Every link is read from the email and followed.

const START = '2026-11-29T08:00:00.000Z';
const clock = new ManualClock(START);
const smtp = new SmtpTestServer();
const run = randomUUID().slice(0, 8); // Redis rate-limit keys outlive the database
let config: ReturnType<typeof testConfig>;
let app: NestFastifyApplication;
let worker: INestApplicationContext;
let http: HttpClient;
let adminToken: string;
let adminId: string;
let tree: ScopeTree;
let M: Scope; // ministry M, managed by managerM; staff are imported into it
let N: Scope; // agency N, with its own scoped admin
let managerM: Person;
let adminN: Person;

const person = peopleRegistry(() => http, `acc-${run}`);
jest.setTimeout(60_000);

const NEW_PASSWORD = 'Mat-khau-moi-2026';
/** A client address of its own per call, so per-address limits only bite where a test wants. */
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const accept = (token: string, password = NEW_PASSWORD) =>
  http.post('/api/v1/auth/invitations/accept', { body: { token, password } });
const reset = (token: string, password = NEW_PASSWORD) =>
  http.post('/api/v1/auth/password/reset', { body: { token, password } });
const forgot = (email: string, ip = someIp()) =>
  http.post('/api/v1/auth/password/forgot', {
    body: { email },
    headers: { 'x-forwarded-for': ip },
  });
const login = (email: string, password: string, userAgent = 'Mozilla/5.0 (Test phone)') =>
  http.post('/api/v1/auth/login', {
    body: { email, password },
    headers: { 'user-agent': userAgent, 'x-forwarded-for': someIp() },
  });
/** Where the managers' account changes come from, as the audit log must record it. */
const MANAGER_IP = '198.51.100.14';
const asManager = { 'x-forwarded-for': MANAGER_IP };
const invite = (token: string, userId: string) =>
  http.post(`/api/v1/admin/users/${userId}/invitation`, { token, headers: asManager });
const deactivate = (token: string, userId: string) =>
  http.post(`/api/v1/admin/users/${userId}/deactivate`, { token, headers: asManager });
const reactivate = (token: string, userId: string) =>
  http.post(`/api/v1/admin/users/${userId}/reactivate`, { token, headers: asManager });

/** The audit log's entries of one action on one person: who, on whom, from where. */
async function audited(action: string, userId: string): Promise<Json[]> {
  const answer = await http.get(`/api/v1/admin/audit?subjectId=${userId}&action=${action}`, {
    token: adminToken,
  });
  expect(answer.status).toBe(200);
  return (answer.body.items as Json[]).map(({ actorId, subjectType, subjectId, ip }) => ({
    actorId,
    subjectType,
    subjectId,
    ip,
  }));
}
const entry = (actorId: string, userId: string, ip: string | null) => ({
  actorId,
  subjectType: 'user',
  subjectId: userId,
  ip,
});

function expectError(response: HttpResult, status: number, code: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
}

/** The newest link of this kind emailed to `address`, waiting for the `count`-th message. */
async function emailedLink(address: string, count: number, page: string): Promise<string> {
  const mails = await smtp.waitFor(count, address);
  const mail = mails[count - 1]!.mail;
  const pattern = new RegExp(`${config.http.publicUrl}${page}#token=([A-Za-z0-9_-]+)`);
  const token = pattern.exec(mail.text ?? '')?.[1];
  if (!token) throw new Error(`no ${page} link in: ${mail.text}`);
  return token;
}

/** Staff of unit M as the manager's list shows them, by email-less name → status. */
async function staffStatuses(): Promise<Record<string, string>> {
  const list = await http.get(`/api/v1/training/staff?orgUnitId=${M.scopeId}&pageSize=100`, {
    token: managerM.token,
  });
  expect(list.status).toBe(200);
  return Object.fromEntries(
    (list.body.items as Json[]).map((item) => [
      item.fullName as string,
      item.accountStatus as string,
    ]),
  );
}

/** Imports staff into unit M as its manager and waits for the import to finish. */
async function importStaff(rows: string[][], query = ''): Promise<void> {
  const csv = ['employeeCode,fullName,email,orgUnitCode,position,jobGrade', ...rows]
    .map((row) => (Array.isArray(row) ? row.join(',') : row))
    .join('\n');
  const accepted = await http.post(`/api/v1/admin/imports/staff${query}`, {
    token: managerM.token,
    rawBody: csv,
    headers: { 'content-type': 'text/csv' },
  });
  expect(accepted.status).toBe(202);
  const report = await eventually(
    'the import completing',
    async () => {
      const { body } = await http.get(`/api/v1/admin/imports/${accepted.body.importId as string}`, {
        token: managerM.token,
      });
      expect(body.status).not.toBe('failed');
      return body.status === 'completed' ? body : undefined;
    },
    { timeout: 10_000, interval: 50 },
  );
  expect(report.failed).toBe(0);
}

const staffRow = (code: string, name: string): string[] => [
  `${code}-${run}`,
  name,
  `${code.toLowerCase()}.${run}@example.vn`,
  `M-${run}`,
  'Chuyên viên',
  'A1',
];
const emailOf = (code: string) => `${code.toLowerCase()}.${run}@example.vn`;

async function userIdOf(email: string): Promise<string> {
  const [row] = await app
    .get(DataSource)
    .query<{ id: string }[]>('SELECT id FROM users WHERE email = ?', [email]);
  return row!.id;
}

beforeAll(async () => {
  await smtp.start();
  config = testConfig({
    SMTP_URL: smtp.url,
    OUTBOX_RELAY_INTERVAL_MS: '100',
    TRUST_PROXY: '127.0.0.1',
    RECOVERY_MAX_PER_IP: '5',
    RECOVERY_MAX_PER_EMAIL: '3',
  });
  app = await createTestApp(config, { clock });
  http = await listen(app);
  worker = await createTestWorker(config);
  await app
    .get(AdministratorBootstrap)
    .ensureAdministrator(config.admin.email, config.admin.password);
  const adminLogin = await expectStatus(
    answered(
      apiClient(http.base).POST('/api/v1/auth/login', {
        body: { email: config.admin.email, password: config.admin.password },
        headers: { 'user-agent': 'Mozilla/5.0 (Test phone)', 'x-forwarded-for': someIp() },
      }),
    ),
    200,
  );
  adminToken = adminLogin.accessToken;
  adminId = adminLogin.user.id;
  tree = new ScopeTree(
    () => http,
    () => adminToken,
  );
  // Its code is the one the staff files below name.
  const ministry = await expectStatus(
    answered(
      apiClient(http.base, adminToken).POST('/api/v1/org-units', {
        body: { code: `M-${run}`, name: 'Bộ M' },
      }),
    ),
    201,
  );
  M = { scopeType: 'org_unit', scopeId: ministry.id };
  N = await tree.orgUnit('Cơ quan N');
  managerM = await person();
  await tree.grant(managerM.id, 'org_manager', M);
  adminN = await person();
  await tree.grant(adminN.id, 'admin', N);
});

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await smtp.stop();
});

afterEach(() => clock.set(START));

describe('invitations', () => {
  beforeAll(async () => {
    await importStaff(
      [staffRow('NV1', 'Nguyễn Văn Một'), staffRow('NV2', 'Trần Thị Hai')],
      '?invite=true',
    );
    await importStaff([staffRow('NV3', 'Lê Văn Ba')]);
  });

  it('reach the people an import creates, and the staff list says who is invited', async () => {
    const mail = (await smtp.waitFor(1, emailOf('NV1')))[0]!.mail;
    expect(mail.subject).toBe('Mời bạn kích hoạt tài khoản Lifelong');
    expect(mail.text).toContain('Nguyễn Văn Một');
    // Transactional: no unsubscribe header, whatever the preferences.
    expect(headerOf(mail, 'List-Unsubscribe')).toBe('');
    expect(await staffStatuses()).toMatchObject({
      'Nguyễn Văn Một': 'invited',
      'Trần Thị Hai': 'invited',
      'Lê Văn Ba': 'uninvited',
    });
    // Each invitation is in the audit log on behalf of the importer (sent by the worker, so
    // with no client address; the import's own `staff-import.requested` entry has it).
    const nv1 = await userIdOf(emailOf('NV1'));
    expect(await audited('invitation.sent', nv1)).toEqual([entry(managerM.id, nv1, null)]);
    expect(await audited('invitation.sent', await userIdOf(emailOf('NV3')))).toEqual([]);
  });

  it('set a password and sign in, once', async () => {
    const token = await emailedLink(emailOf('NV1'), 1, '/invitation');
    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    expect((accepted.body.user as Json).email).toBe(emailOf('NV1'));
    expect(accepted.headers.get('set-cookie')).toMatch(/^lifelong_refresh=[^;]+;.*HttpOnly/);
    const me = await http.get('/api/v1/me', { token: accepted.body.accessToken as string });
    expect(me.status).toBe(200);
    expect((await login(emailOf('NV1'), NEW_PASSWORD)).status).toBe(200);
    expect((await staffStatuses())['Nguyễn Văn Một']).toBe('active');

    expectError(await accept(token, 'Another-password-1'), 422, 'TOKEN_INVALID');
  });

  it('stop working once a newer one is sent', async () => {
    const first = await emailedLink(emailOf('NV2'), 1, '/invitation');
    const nv2 = await userIdOf(emailOf('NV2'));
    expect((await invite(managerM.token, nv2)).status).toBe(202);
    const second = await emailedLink(emailOf('NV2'), 2, '/invitation');
    expect(second).not.toBe(first);
    // The import's invitation and the manager's (the test clock stands still: same time).
    const sent = await audited('invitation.sent', nv2);
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(
      expect.arrayContaining([entry(managerM.id, nv2, null), entry(managerM.id, nv2, MANAGER_IP)]),
    );
    expectError(await accept(first), 422, 'TOKEN_INVALID');
    expect((await accept(second)).status).toBe(200);
  });

  it('expire after 7 days', async () => {
    const nv3 = await userIdOf(emailOf('NV3'));
    expect((await invite(adminToken, nv3)).status).toBe(202);
    const token = await emailedLink(emailOf('NV3'), 1, '/invitation');
    expect((await staffStatuses())['Lê Văn Ba']).toBe('invited');
    expect(await audited('invitation.sent', nv3)).toEqual([entry(adminId, nv3, MANAGER_IP)]);
    clock.set(new Date(Date.parse(START) + 7 * 86_400_000 + 1));
    expectError(await accept(token), 422, 'TOKEN_INVALID');
    // A lapsed invitation no longer counts: the user page says they need a new one.
    const later = await login(config.admin.email, config.admin.password);
    const page = await http.get(`/api/v1/admin/users/${nv3}`, {
      token: later.body.accessToken as string,
    });
    expect(page.body.status).toBe('uninvited');
    clock.set(new Date(Date.parse(START) + 7 * 86_400_000 - 60_000));
    expect((await accept(token)).status).toBe(200);
  });

  it('stop working when the person is deactivated', async () => {
    await importStaff([staffRow('NV4', 'Phạm Thị Bốn')], '?invite=true');
    const token = await emailedLink(emailOf('NV4'), 1, '/invitation');
    const nv4 = await userIdOf(emailOf('NV4'));
    expect((await deactivate(managerM.token, nv4)).status).toBe(200);
    expect((await staffStatuses())['Phạm Thị Bốn']).toBe('deactivated');
    expectError(await accept(token), 422, 'TOKEN_INVALID');
    expectError(await invite(managerM.token, nv4), 403, 'ACCOUNT_DEACTIVATED');
  });

  it('are refused for people who can already sign in, and outside the sender’s scope', async () => {
    const active = await userIdOf(emailOf('NV1'));
    expectError(await invite(managerM.token, active), 409, 'ACCOUNT_ALREADY_ACTIVE');
    await importStaff([staffRow('NV5', 'Đỗ Văn Năm')]);
    const nv5 = await userIdOf(emailOf('NV5'));
    expectError(await invite(adminN.token, nv5), 403, 'FORBIDDEN');
    expectError(await invite(adminToken, randomUUID()), 404, 'USER_NOT_FOUND');
  });

  it('check the new password: too short, too long, or the email', async () => {
    await importStaff([staffRow('NV6', 'Vũ Thị Sáu')], '?invite=true');
    const token = await emailedLink(emailOf('NV6'), 1, '/invitation');
    for (const [password, words] of [
      ['short', 'at least 8'],
      ['x'.repeat(100_000), 'at most 128'],
      [emailOf('NV6').toUpperCase(), 'not be your email'],
    ] as const) {
      const started = Date.now();
      const refused = await accept(token, password);
      expectError(refused, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify((refused.body.details as Json).fields)).toContain(words);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    // Refusals leave the link usable.
    expect((await accept(token)).status).toBe(200);
  });
});

describe('forgotten password', () => {
  let owner: { email: string; id: string };

  beforeAll(async () => {
    const registered = await person();
    const me = await http.get('/api/v1/me', { token: registered.token });
    owner = { email: me.body.email as string, id: registered.id };
  });

  it('answers 202 alike for known and unknown emails, in about the same time', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const people = await Promise.all(Array.from({ length: 12 }, () => person()));
    const emails = await Promise.all(
      people.map(
        async (p) => (await http.get('/api/v1/me', { token: p.token })).body.email as string,
      ),
    );
    for (const [index, email] of emails.entries()) {
      const pair = [
        [email, known],
        [`nobody-${index}-${run}@example.vn`, unknown],
      ] as const;
      // Alternating which goes first, so neither side always follows the other's work.
      for (const [target, times] of index % 2 === 0 ? pair : [...pair].reverse()) {
        const started = performance.now();
        const answer = await forgot(target);
        times.push(performance.now() - started);
        expect(answer.status).toBe(202);
        expect(answer.body).toEqual({});
      }
    }
    // Loosely, on the lower quartile (the api, the worker and the SMTP server share this
    // process, so single answers are noisy): the answer comes before any lookup, so neither
    // side does more work (an argon2 hash, a few tens of milliseconds here, would show).
    const quartile = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 2]!;
    expect(Math.abs(quartile(known) - quartile(unknown))).toBeLessThan(
      Math.max(15, quartile(unknown)),
    );
    // Twelve links go out at once, on a machine the whole suite shares: one deadline for all of
    // them, long enough for an attempt the loaded SMTP server turned away to be retried (2 s,
    // then 4 s backoff). What is asserted is that each known address gets its link.
    const deadline = Date.now() + 30_000;
    for (const email of emails) await smtp.waitFor(1, email, Math.max(deadline - Date.now(), 0));
    expect(smtp.received.some((m) => m.recipients.some((r) => r.startsWith('nobody-')))).toBe(
      false,
    );
  });

  it('emails a one-hour link that resets the password once and ends every session', async () => {
    const phone = await login(owner.email, PERSON_PASSWORD, 'Phone');
    const laptop = await login(owner.email, PERSON_PASSWORD, 'Laptop');
    expect((await forgot(owner.email)).status).toBe(202);
    const token = await emailedLink(owner.email, 1, '/reset-password');
    const mail = smtp.to(owner.email)[0]!.mail;
    expect(mail.subject).toBe('Đặt lại mật khẩu Lifelong');

    const done = await reset(token);
    expect(done.status).toBe(200);
    expect(done.headers.get('set-cookie')).toMatch(/^lifelong_refresh=/);
    for (const old of [phone, laptop]) {
      // The access token of an ended session stops at once, not at its expiry.
      expect((await http.get('/api/v1/me', { token: old.body.accessToken as string })).status).toBe(
        401,
      );
      const refreshed = await http.post('/api/v1/auth/refresh', {
        body: { refreshToken: old.body.refreshToken },
      });
      expect(refreshed.status).toBe(401);
    }
    expect((await http.get('/api/v1/me', { token: done.body.accessToken as string })).status).toBe(
      200,
    );
    expect((await login(owner.email, PERSON_PASSWORD)).status).toBe(401);
    expect((await login(owner.email, NEW_PASSWORD)).status).toBe(200);
    expectError(await reset(token, 'Third-password-2026'), 422, 'TOKEN_INVALID');
  });

  it('refuses a link after its hour, and a link of the other kind', async () => {
    const someone = await person();
    const email = (await http.get('/api/v1/me', { token: someone.token })).body.email as string;
    expect((await forgot(email)).status).toBe(202);
    const token = await emailedLink(email, 1, '/reset-password');
    expectError(await accept(token), 422, 'TOKEN_INVALID'); // not an invitation
    clock.set(new Date(Date.parse(START) + 3_600_000));
    expectError(await reset(token), 422, 'TOKEN_INVALID');
    clock.set(START);

    await importStaff([staffRow('NV7', 'Hoàng Văn Bảy')], '?invite=true');
    const invitation = await emailedLink(emailOf('NV7'), 1, '/invitation');
    expectError(await reset(invitation), 422, 'TOKEN_INVALID'); // not a reset link
    expectError(await reset('A'.repeat(43)), 422, 'TOKEN_INVALID');
    expectError(await reset('not a token!'), 400, 'VALIDATION_FAILED');
  });

  it('is limited per email and per client address', async () => {
    const email = `limited-${run}@example.vn`;
    for (let n = 0; n < 3; n += 1) expect((await forgot(email)).status).toBe(202);
    const limited = await forgot(email);
    expectError(limited, 429, 'RATE_LIMITED');

    const ip = someIp();
    for (let n = 0; n < 5; n += 1)
      expect((await forgot(`ip-${n}-${run}@example.vn`, ip)).status).toBe(202);
    expectError(await forgot(`ip-last-${run}@example.vn`, ip), 429, 'RATE_LIMITED');
  });
});

describe('own sessions and password', () => {
  it('lists live sessions, marks the current one, and ends another at once', async () => {
    const someone = await person();
    const email = (await http.get('/api/v1/me', { token: someone.token })).body.email as string;
    const phone = await login(email, PERSON_PASSWORD, 'Phone browser');
    const laptop = await login(email, PERSON_PASSWORD, 'Laptop browser');
    const list = await http.get('/api/v1/me/sessions', {
      token: laptop.body.accessToken as string,
    });
    expect(list.status).toBe(200);
    const items = list.body.items as Json[];
    expect(items).toHaveLength(3); // registration, phone, laptop
    const current = items.filter((item) => item.current);
    expect(current).toHaveLength(1);
    expect(current[0]!.userAgent).toBe('Laptop browser');
    const phoneSession = items.find((item) => item.userAgent === 'Phone browser')!;
    expect(phoneSession).toEqual({
      id: phoneSession.id,
      createdAt: START,
      lastUsedAt: START,
      userAgent: 'Phone browser',
      current: false,
    });

    // Someone else cannot end it.
    const stranger = await person();
    const foreign = await http.delete(`/api/v1/me/sessions/${phoneSession.id as string}`, {
      token: stranger.token,
    });
    expectError(foreign, 404, 'SESSION_NOT_FOUND');

    const ended = await http.delete(`/api/v1/me/sessions/${phoneSession.id as string}`, {
      token: laptop.body.accessToken as string,
    });
    expect(ended.status).toBe(204);
    expect((await http.get('/api/v1/me', { token: phone.body.accessToken as string })).status).toBe(
      401,
    );
    const refreshed = await http.post('/api/v1/auth/refresh', {
      body: { refreshToken: phone.body.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    const after = await http.get('/api/v1/me/sessions', {
      token: laptop.body.accessToken as string,
    });
    expect(after.body.total).toBe(2);
  });

  it('changes the password with the current one and ends every other session', async () => {
    const someone = await person();
    const email = (await http.get('/api/v1/me', { token: someone.token })).body.email as string;
    const other = await login(email, PERSON_PASSWORD, 'Other');
    const change = (body: Json) => http.post('/api/v1/me/password', { token: someone.token, body });

    const wrong = await change({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD });
    expectError(wrong, 400, 'VALIDATION_FAILED');
    expect((wrong.body.details as Json).fields).toHaveProperty('currentPassword');
    const asEmail = await change({ currentPassword: PERSON_PASSWORD, newPassword: email });
    expectError(asEmail, 400, 'VALIDATION_FAILED');
    expect((asEmail.body.details as Json).fields).toHaveProperty('newPassword');
    const tooLong = await change({
      currentPassword: PERSON_PASSWORD,
      newPassword: 'y'.repeat(129),
    });
    expectError(tooLong, 400, 'VALIDATION_FAILED');

    expect(
      (await change({ currentPassword: PERSON_PASSWORD, newPassword: NEW_PASSWORD })).status,
    ).toBe(204);
    expect((await http.get('/api/v1/me', { token: someone.token })).status).toBe(200);
    expect((await http.get('/api/v1/me', { token: other.body.accessToken as string })).status).toBe(
      401,
    );
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('deactivation', () => {
  it('ends every session at once, even a token issued a second earlier, and keeps records', async () => {
    await importStaff([staffRow('NV8', 'Ngô Thị Tám')], '?invite=true');
    const token = await emailedLink(emailOf('NV8'), 1, '/invitation');
    const signedIn = await accept(token);
    const nv8 = (signedIn.body.user as Json).id as string;
    const fresh = await login(emailOf('NV8'), NEW_PASSWORD);
    expect((await forgot(emailOf('NV8'))).status).toBe(202);
    const resetToken = await emailedLink(emailOf('NV8'), 2, '/reset-password');

    const done = await deactivate(managerM.token, nv8);
    expect(done.status).toBe(200);
    expect(done.body.id).toBe(nv8);
    for (const session of [signedIn, fresh]) {
      expect(
        (await http.get('/api/v1/me', { token: session.body.accessToken as string })).status,
      ).toBe(401);
      const refreshed = await http.post('/api/v1/auth/refresh', {
        body: { refreshToken: session.body.refreshToken },
      });
      expect(refreshed.status).toBe(401);
    }
    expectError(await login(emailOf('NV8'), NEW_PASSWORD), 403, 'ACCOUNT_DEACTIVATED');
    expectError(await login(emailOf('NV8'), 'wrong-password-1'), 401, 'INVALID_CREDENTIALS');
    expectError(await reset(resetToken), 422, 'TOKEN_INVALID');
    expect((await staffStatuses())['Ngô Thị Tám']).toBe('deactivated');
    expect(await audited('account.deactivated', nv8)).toEqual([
      entry(managerM.id, nv8, MANAGER_IP),
    ]);
    // Deactivating again changes nothing, so records nothing.
    expect((await deactivate(managerM.token, nv8)).status).toBe(200);
    expect(await audited('account.deactivated', nv8)).toHaveLength(1);

    // Reactivated: signs in again; the ended sessions stay ended.
    expect((await reactivate(managerM.token, nv8)).status).toBe(200);
    expect((await login(emailOf('NV8'), NEW_PASSWORD)).status).toBe(200);
    expect((await http.get('/api/v1/me', { token: fresh.body.accessToken as string })).status).toBe(
      401,
    );
    expect((await staffStatuses())['Ngô Thị Tám']).toBe('active');
    expect(await audited('account.reactivated', nv8)).toEqual([
      entry(managerM.id, nv8, MANAGER_IP),
    ]);
  });

  it('is refused to a scoped admin outside their scope, and on oneself', async () => {
    await importStaff([staffRow('NV9', 'Trịnh Văn Chín')]);
    const nv9 = await userIdOf(emailOf('NV9'));
    expectError(await deactivate(adminN.token, nv9), 403, 'FORBIDDEN');
    expectError(await reactivate(adminN.token, nv9), 403, 'FORBIDDEN');
    expect((await staffStatuses())['Trịnh Văn Chín']).toBe('uninvited');
    expect(await audited('account.deactivated', nv9)).toEqual([]);
    expectError(await deactivate(managerM.token, managerM.id), 403, 'FORBIDDEN');
    expectError(await deactivate(adminToken, randomUUID()), 404, 'USER_NOT_FOUND');
  });
});
