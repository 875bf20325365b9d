import { newId } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { adminSession } from '../support/admin-session';
import { answered, apiClient } from '../support/api-client';
import { eventually, waitForQueues } from '../support/e2e';
import type { operations } from '../../apps/web/src/api/schema';
import { type Person, peopleRegistry } from '../support/people';
import { headerOf, SmtpTestServer } from '../support/smtp-test-server';

// A learner's notifications over HTTP, with the real api, the real worker and a real SMTP
// server: an enrollment event becomes an inbox entry and an email; the email's unsubscribe
// link works; preferences and read marks follow the contract.
const smtp = new SmtpTestServer();
beforeAll(() => smtp.start()); // before the api's start: its settings name the server
const api = adminSession({ withWorker: true, env: () => ({ SMTP_URL: smtp.url }) });
afterAll(() => smtp.stop());
const person = peopleRegistry(() => api.http, 'notifications');

jest.setTimeout(30_000);

type Learner = Person;

async function register(email: string, fullName: string, locale = 'vi'): Promise<Learner> {
  const learner = await person({ email, fullName });
  // Registration has no locale field yet; an English reader is set in the database.
  await api.app
    .get(DataSource)
    .query('UPDATE `users` SET `locale` = ? WHERE `id` = ?', [locale, learner.id]);
  return learner;
}

/** What the enrollment service records when a learner gets a seat. */
async function enrollmentConfirmed(userId: string): Promise<void> {
  await api.app.get(DataSource).transaction((manager) =>
    recordEvent(manager, 'enrollment.confirmed', {
      enrollmentId: newId(),
      courseId: newId(),
      userId,
      courseTitle: 'Kỹ năng số cho mọi người',
    }),
  );
}

type InboxQuery = operations['MeNotificationsController_list']['parameters']['query'];
const inbox = (who: Learner, query: InboxQuery = {}) =>
  answered(
    apiClient(api.http.base, who.token).GET('/api/v1/me/notifications', { params: { query } }),
  );
const readMark = (who: Learner, id: string) =>
  api.http.post(`/api/v1/me/notifications/${id}/read`, { token: who.token });
const preferences = (who: Learner) =>
  api.http.get('/api/v1/me/notification-preferences', { token: who.token });
const setPreferences = (who: Learner, body: unknown) =>
  api.http.request('PUT', '/api/v1/me/notification-preferences', { token: who.token, body });

const inboxOf = (who: Learner, total: number) =>
  eventually(
    `the inbox reaching ${total}`,
    async () => {
      const page = await inbox(who);
      return page.body.total >= total ? page.body.items : undefined;
    },
    { timeout: 10_000, interval: 50 },
  );

/** The unsubscribe link of a message, aimed at this test's api (same path and query). */
function unsubscribeUrl(mail: ParsedMail): { advertised: string; local: string } {
  const advertised = headerOf(mail, 'List-Unsubscribe').replace(/^<|>$/g, '');
  const url = new URL(advertised);
  return { advertised, local: `${api.http.base}${url.pathname}${url.search}` };
}

const oneClick = (url: string, accept = 'application/json') =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
    body: 'List-Unsubscribe=One-Click',
  });

describe('notifications of a learner', () => {
  let hoa: Learner;
  let john: Learner;
  let hoaMail: ParsedMail;

  beforeAll(async () => {
    hoa = await register('hoa.e2e@example.vn', 'Nguyễn Thị Hoa');
    john = await register('john.e2e@example.com', 'John Smith', 'en');
    await enrollmentConfirmed(hoa.id);
    await enrollmentConfirmed(john.id);
    hoaMail = (await smtp.waitFor(1, hoa.email))[0]!.mail;
  });

  it('arrive by email in the reader’s language', async () => {
    const johnMail = (await smtp.waitFor(1, john.email))[0]!.mail;
    expect(hoaMail.subject).toBe('Ghi danh thành công: “Kỹ năng số cho mọi người”');
    expect(headerOf(hoaMail, 'Content-Language')).toBe('vi');
    expect(johnMail.subject).toBe('Enrolled: “Kỹ năng số cho mọi người”');
    expect(headerOf(johnMail, 'Content-Language')).toBe('en');
    expect(hoaMail.text).toContain('Kỹ năng số cho mọi người');
    expect(johnMail.text).toContain('Kỹ năng số cho mọi người');
    expect(
      unsubscribeUrl(hoaMail).advertised.startsWith(
        `${api.config.http.publicUrl}/api/v1/notifications/unsubscribe?token=`,
      ),
    ).toBe(true);
  });

  it('are listed in the inbox, newest first, unread ones on their own', async () => {
    const [item] = await inboxOf(hoa, 1);
    expect(item).toEqual({
      id: expect.any(String) as unknown,
      kind: 'enrollment.confirmed',
      title: 'Ghi danh thành công: “Kỹ năng số cho mọi người”',
      body: 'Bạn đã có chỗ trong khoá học “Kỹ năng số cho mọi người”. Chúc bạn học tốt!',
      data: {
        enrollmentId: expect.any(String) as unknown,
        courseId: expect.any(String) as unknown,
        courseTitle: 'Kỹ năng số cho mọi người',
      },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) as unknown,
      readAt: null,
    });
    const [english] = await inboxOf(john, 1);
    expect(english!.title).toBe('Enrolled: “Kỹ năng số cho mọi người”');
    const unread = await inbox(hoa, { unread: true, page: 1, pageSize: 10 });
    expect(unread.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect((await inbox(hoa, { pageSize: 101 })).status).toBe(400);
    expect((await api.http.get('/api/v1/me/notifications')).status).toBe(401);
  });

  it('are marked read by their owner only; anyone else gets 404', async () => {
    const [item] = await inboxOf(hoa, 1);
    const id = item!.id;
    const stranger = await readMark(john, id);
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await readMark(hoa, 'not-an-id')).status).toBe(404);
    expect((await readMark(hoa, newId())).status).toBe(404);

    const read = await readMark(hoa, id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, readAt: expect.any(String) as unknown });
    const again = await readMark(hoa, id);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(hoa, { unread: true })).body.total).toBe(0);
    expect((await inbox(hoa, { unread: false })).body.total).toBe(1);
    expect((await inbox(john, { unread: true })).body.total).toBe(1);
  });

  it('follow the preferences, which are validated', async () => {
    expect((await preferences(john)).body).toEqual({
      email: true,
      digest: 'off',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    for (const bad of [
      { email: true, digest: 'weekly' },
      { email: 'yes', digest: 'off' },
      { email: true },
      { email: true, digest: 'off', timeZone: 'Mars/Olympus' },
    ]) {
      const refused = await setPreferences(john, bad);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    const saved = await setPreferences(john, {
      email: true,
      digest: 'daily',
      timeZone: 'Europe/Paris',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ email: true, digest: 'daily', timeZone: 'Europe/Paris' });
    expect((await preferences(john)).body).toEqual(saved.body);
    expect((await preferences(hoa)).body.email).toBe(true);
  });

  it('can be unsubscribed from with the link in the email, and a tampered link changes nothing', async () => {
    const { local } = unsubscribeUrl(hoaMail);
    const token = new URL(local).searchParams.get('token')!;
    const tampered = local.replace(token, encodeURIComponent(`${token.slice(0, -2)}xx`));
    for (const response of [await fetch(tampered), await oneClick(tampered)]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'UNSUBSCRIBE_TOKEN_INVALID' });
    }
    expect((await oneClick(local.replace(hoa.id, john.id))).status).toBe(400);
    expect((await preferences(hoa)).body.email).toBe(true);
    expect((await preferences(john)).body.email).toBe(true);

    const page = await fetch(local, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(html).toContain('Huỷ nhận email');
    expect((await preferences(hoa)).body.email).toBe(true);

    const done = await oneClick(local);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ email: false });
    expect((await preferences(hoa)).body).toMatchObject({ email: false });
    const browser = await oneClick(local, 'text/html');
    expect(await browser.text()).toContain('Bạn đã huỷ nhận email');
  });

  it('stay in the inbox but send no email once unsubscribed', async () => {
    await enrollmentConfirmed(hoa.id);
    await inboxOf(hoa, 2);
    // Every delivery decided: an email that was going to leave has left by now.
    await waitForQueues(api.app);
    const rows = await api.app
      .get(DataSource)
      .query<{ status: string; reason: string }[]>(
        'SELECT `status`, `reason` FROM `notification_deliveries` WHERE `user_id` = ? ORDER BY `event_id`',
        [hoa.id],
      );
    expect(rows).toEqual([
      { status: 'sent', reason: null },
      { status: 'skipped', reason: 'email_off' },
    ]);
    expect(smtp.to(hoa.email)).toHaveLength(1);
  });
});
