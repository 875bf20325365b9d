import { randomInt, randomUUID } from 'node:crypto';
import { ManualClock } from '@lifelong/common';
import type { Scope } from '@lifelong/identity';
import { DataSource } from 'typeorm';
import type { operations } from '../../apps/web/src/api/schema';
import { adminSession } from '../support/admin-session';
import { answered, apiClient, csvBody, type TypedAnswer } from '../support/api-client';
import { eventually, expectStatus } from '../support/e2e';
import { type Person, peopleRegistry, PERSON_PASSWORD } from '../support/people';
import { headerOf, SmtpTestServer } from '../support/smtp-test-server';

// Accounts for real people (issue 14), over HTTP with the real api, worker and SMTP server:
// invitations from the staff import and from managers, forgotten passwords, own sessions and
// password, deactivation. Every link is read from the email and followed.

const START = '2026-11-29T08:00:00.000Z';
const clock = new ManualClock(START);
const smtp = new SmtpTestServer();
const run = randomUUID().slice(0, 8); // Redis rate-limit keys outlive the database
/** A client address of its own per call, so per-address limits only bite where a test wants. */
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

beforeAll(() => smtp.start()); // before the api's start: its settings name the server
const api = adminSession({
  clock,
  withWorker: true,
  env: () => ({
    SMTP_URL: smtp.url,
    TRUST_PROXY: '127.0.0.1',
    RECOVERY_MAX_PER_IP: '5',
    RECOVERY_MAX_PER_EMAIL: '3',
  }),
  loginHeaders: { 'user-agent': 'Mozilla/5.0 (Test phone)', 'x-forwarded-for': someIp() },
});
afterAll(() => smtp.stop());
let M: Scope; // ministry M, managed by managerM; staff are imported into it
let N: Scope; // agency N, with its own scoped admin
let managerM: Person;
let adminN: Person;

const person = peopleRegistry(() => api.http, `acc-${run}`);
jest.setTimeout(60_000);

const NEW_PASSWORD = 'Mat-khau-moi-2026';
const client = (token?: string) => apiClient(api.http.base, token);

const accept = (token: string, password = NEW_PASSWORD) =>
  answered(client().POST('/api/v1/auth/invitations/accept', { body: { token, password } }));
const reset = (token: string, password = NEW_PASSWORD) =>
  answered(client().POST('/api/v1/auth/password/reset', { body: { token, password } }));
const forgot = (email: string, ip = someIp()) =>
  answered(
    client().POST('/api/v1/auth/password/forgot', {
      body: { email },
      headers: { 'x-forwarded-for': ip },
    }),
  );
const login = (email: string, password: string, userAgent = 'Mozilla/5.0 (Test phone)') =>
  answered(
    client().POST('/api/v1/auth/login', {
      body: { email, password },
      headers: { 'user-agent': userAgent, 'x-forwarded-for': someIp() },
    }),
  );
const me = (token: string) => answered(client(token).GET('/api/v1/me'));
const refresh = (refreshToken: string) =>
  answered(client().POST('/api/v1/auth/refresh', { body: { refreshToken } }));
/** Where the managers' account changes come from, as the audit log must record it. */
const MANAGER_IP = '198.51.100.14';
const asManager = { 'x-forwarded-for': MANAGER_IP };
const onUser = (userId: string) => ({ params: { path: { id: userId } }, headers: asManager });
const invite = (token: string, userId: string) =>
  answered(client(token).POST('/api/v1/admin/users/{id}/invitation', onUser(userId)));
const deactivate = (token: string, userId: string) =>
  answered(client(token).POST('/api/v1/admin/users/{id}/deactivate', onUser(userId)));
const reactivate = (token: string, userId: string) =>
  answered(client(token).POST('/api/v1/admin/users/{id}/reactivate', onUser(userId)));

type AuditAction = NonNullable<
  NonNullable<operations['AdminAuditController_list']['parameters']['query']>['action']
>;

/** The audit log's entries of one action on one person: who, on whom, from where. */
async function audited(action: AuditAction, userId: string) {
  const answer = await expectStatus(
    answered(
      api.asAdmin.GET('/api/v1/admin/audit', { params: { query: { subjectId: userId, action } } }),
    ),
    200,
  );
  return answer.items.map(({ actorId, subjectType, subjectId, ip }) => ({
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

function expectError(response: TypedAnswer<unknown>, status: number, code: string): void {
  expect({ status: response.status, code: response.refusal?.code }).toEqual({ status, code });
}

/** The newest link of this kind emailed to `address`, waiting for the `count`-th message. */
async function emailedLink(address: string, count: number, page: string): Promise<string> {
  const mails = await smtp.waitFor(count, address);
  const mail = mails[count - 1]!.mail;
  const pattern = new RegExp(`${api.config.http.publicUrl}${page}#token=([A-Za-z0-9_-]+)`);
  const token = pattern.exec(mail.text ?? '')?.[1];
  if (!token) throw new Error(`no ${page} link in: ${mail.text}`);
  return token;
}

/** Staff of unit M as the manager's list shows them, by email-less name → status. */
async function staffStatuses(): Promise<Record<string, string>> {
  const list = await expectStatus(
    answered(
      client(managerM.token).GET('/api/v1/training/staff', {
        params: { query: { orgUnitId: M.scopeId, pageSize: 100 } },
      }),
    ),
    200,
  );
  return Object.fromEntries(list.items.map((item) => [item.fullName, item.accountStatus]));
}

/** Imports staff into unit M as its manager and waits for the import to finish. */
async function importStaff(rows: string[][], invite = false): Promise<void> {
  const csv = ['employeeCode,fullName,email,orgUnitCode,position,jobGrade', ...rows]
    .map((row) => (Array.isArray(row) ? row.join(',') : row))
    .join('\n');
  const asImporter = client(managerM.token);
  const accepted = await expectStatus(
    answered(
      asImporter.POST('/api/v1/admin/imports/staff', {
        ...csvBody(csv),
        params: { query: invite ? { invite } : {} },
      }),
    ),
    202,
  );
  const report = await eventually(
    'the import completing',
    async () => {
      const { body } = await answered(
        asImporter.GET('/api/v1/admin/imports/{importId}', {
          params: { path: { importId: accepted.importId } },
        }),
      );
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
  const [row] = await api.app
    .get(DataSource)
    .query<{ id: string }[]>('SELECT id FROM users WHERE email = ?', [email]);
  return row!.id;
}

beforeAll(async () => {
  // Its code is the one the staff files below name.
  const ministry = await expectStatus(
    answered(
      api.asAdmin.POST('/api/v1/org-units', {
        body: { code: `M-${run}`, name: 'Bộ M' },
      }),
    ),
    201,
  );
  M = { scopeType: 'org_unit', scopeId: ministry.id };
  N = await api.tree.orgUnit('Cơ quan N');
  managerM = await person();
  await api.tree.grant(managerM.id, 'org_manager', M);
  adminN = await person();
  await api.tree.grant(adminN.id, 'admin', N);
});

afterEach(() => clock.set(START));

describe('invitations', () => {
  beforeAll(async () => {
    await importStaff([staffRow('NV1', 'Nguyễn Văn Một'), staffRow('NV2', 'Trần Thị Hai')], true);
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
    expect(accepted.body.user.email).toBe(emailOf('NV1'));
    expect(accepted.headers.get('set-cookie')).toMatch(/^lifelong_refresh=[^;]+;.*HttpOnly/);
    expect((await me(accepted.body.accessToken)).status).toBe(200);
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
    expect((await invite(api.adminToken, nv3)).status).toBe(202);
    const token = await emailedLink(emailOf('NV3'), 1, '/invitation');
    expect((await staffStatuses())['Lê Văn Ba']).toBe('invited');
    expect(await audited('invitation.sent', nv3)).toEqual([entry(api.adminId, nv3, MANAGER_IP)]);
    clock.set(new Date(Date.parse(START) + 7 * 86_400_000 + 1));
    expectError(await accept(token), 422, 'TOKEN_INVALID');
    // A lapsed invitation no longer counts: the user page says they need a new one.
    const later = await login(api.config.admin.email, api.config.admin.password);
    const page = await answered(
      client(later.body.accessToken).GET('/api/v1/admin/users/{id}', {
        params: { path: { id: nv3 } },
      }),
    );
    expect(page.body.status).toBe('uninvited');
    clock.set(new Date(Date.parse(START) + 7 * 86_400_000 - 60_000));
    expect((await accept(token)).status).toBe(200);
  });

  it('stop working when the person is deactivated', async () => {
    await importStaff([staffRow('NV4', 'Phạm Thị Bốn')], true);
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
    expectError(await invite(api.adminToken, randomUUID()), 404, 'USER_NOT_FOUND');
  });

  it('check the new password: too short, too long, or the email', async () => {
    await importStaff([staffRow('NV6', 'Vũ Thị Sáu')], true);
    const token = await emailedLink(emailOf('NV6'), 1, '/invitation');
    for (const [password, words] of [
      ['short', 'at least 8'],
      ['x'.repeat(100_000), 'at most 128'],
      [emailOf('NV6').toUpperCase(), 'not be your email'],
    ] as const) {
      const started = Date.now();
      const refused = await accept(token, password);
      expectError(refused, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(refused.refusal?.details?.fields)).toContain(words);
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
    owner = { email: (await me(registered.token)).body.email, id: registered.id };
  });

  it('answers 202 alike for known and unknown emails, in about the same time', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const people = await Promise.all(Array.from({ length: 12 }, () => person()));
    const emails = await Promise.all(people.map(async (p) => (await me(p.token)).body.email));
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
        expect(answer.body ?? {}).toEqual({}); // nothing, or an empty object: nothing told
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
      expect((await me(old.body.accessToken)).status).toBe(401);
      const refreshed = await refresh(old.body.refreshToken);
      expect(refreshed.status).toBe(401);
    }
    expect((await me(done.body.accessToken)).status).toBe(200);
    expect((await login(owner.email, PERSON_PASSWORD)).status).toBe(401);
    expect((await login(owner.email, NEW_PASSWORD)).status).toBe(200);
    expectError(await reset(token, 'Third-password-2026'), 422, 'TOKEN_INVALID');
  });

  it('refuses a link after its hour, and a link of the other kind', async () => {
    const someone = await person();
    const email = (await me(someone.token)).body.email;
    expect((await forgot(email)).status).toBe(202);
    const token = await emailedLink(email, 1, '/reset-password');
    expectError(await accept(token), 422, 'TOKEN_INVALID'); // not an invitation
    clock.set(new Date(Date.parse(START) + 3_600_000));
    expectError(await reset(token), 422, 'TOKEN_INVALID');
    clock.set(START);

    await importStaff([staffRow('NV7', 'Hoàng Văn Bảy')], true);
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
    const email = (await me(someone.token)).body.email;
    const phone = await login(email, PERSON_PASSWORD, 'Phone browser');
    const laptop = await login(email, PERSON_PASSWORD, 'Laptop browser');
    const asLaptop = client(laptop.body.accessToken);
    const list = await answered(asLaptop.GET('/api/v1/me/sessions'));
    expect(list.status).toBe(200);
    const items = list.body.items;
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
    const onPhoneSession = { params: { path: { id: phoneSession.id } } };
    const foreign = await answered(
      client(stranger.token).DELETE('/api/v1/me/sessions/{id}', onPhoneSession),
    );
    expectError(foreign, 404, 'SESSION_NOT_FOUND');

    const ended = await answered(asLaptop.DELETE('/api/v1/me/sessions/{id}', onPhoneSession));
    expect(ended.status).toBe(204);
    expect((await me(phone.body.accessToken)).status).toBe(401);
    const refreshed = await refresh(phone.body.refreshToken);
    expect(refreshed.status).toBe(401);
    const after = await answered(asLaptop.GET('/api/v1/me/sessions'));
    expect(after.body.total).toBe(2);
  });

  it('changes the password with the current one and ends every other session', async () => {
    const someone = await person();
    const email = (await me(someone.token)).body.email;
    const other = await login(email, PERSON_PASSWORD, 'Other');
    const change = (body: { currentPassword: string; newPassword: string }) =>
      answered(client(someone.token).POST('/api/v1/me/password', { body }));

    const wrong = await change({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD });
    expectError(wrong, 400, 'VALIDATION_FAILED');
    expect(wrong.refusal?.details?.fields).toHaveProperty('currentPassword');
    const asEmail = await change({ currentPassword: PERSON_PASSWORD, newPassword: email });
    expectError(asEmail, 400, 'VALIDATION_FAILED');
    expect(asEmail.refusal?.details?.fields).toHaveProperty('newPassword');
    const tooLong = await change({
      currentPassword: PERSON_PASSWORD,
      newPassword: 'y'.repeat(129),
    });
    expectError(tooLong, 400, 'VALIDATION_FAILED');

    expect(
      (await change({ currentPassword: PERSON_PASSWORD, newPassword: NEW_PASSWORD })).status,
    ).toBe(204);
    expect((await me(someone.token)).status).toBe(200);
    expect((await me(other.body.accessToken)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('deactivation', () => {
  it('ends every session at once, even a token issued a second earlier, and keeps records', async () => {
    await importStaff([staffRow('NV8', 'Ngô Thị Tám')], true);
    const token = await emailedLink(emailOf('NV8'), 1, '/invitation');
    const signedIn = await accept(token);
    const nv8 = signedIn.body.user.id;
    const fresh = await login(emailOf('NV8'), NEW_PASSWORD);
    expect((await forgot(emailOf('NV8'))).status).toBe(202);
    const resetToken = await emailedLink(emailOf('NV8'), 2, '/reset-password');

    const done = await deactivate(managerM.token, nv8);
    expect(done.status).toBe(200);
    expect(done.body.id).toBe(nv8);
    for (const session of [signedIn, fresh]) {
      expect((await me(session.body.accessToken)).status).toBe(401);
      const refreshed = await refresh(session.body.refreshToken);
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
    expect((await me(fresh.body.accessToken)).status).toBe(401);
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
    expectError(await deactivate(api.adminToken, randomUUID()), 404, 'USER_NOT_FOUND');
  });
});
