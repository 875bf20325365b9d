import { JobQueue, ManualClock, newId } from '@lifelong/common';
import {
  DeliverEventJob,
  NotificationPreferencesService,
  PlanDigestsJob,
  SendDigestJob,
  sendDigestJobId,
} from '@lifelong/notifications';
import { Logger } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { SmtpTestServer } from '../../../test/support/smtp-test-server';
import { testConfig } from '../../../test/setup/test-env';
import {
  insertOutboxEvent,
  insertPeople,
  jobContext,
  notificationHandlers,
} from './notifications-testing';

// Digest users get one email a day at DIGEST_HOUR_LOCAL (7) in their time zone. The planner
// and the digest job are called directly, on a manual clock.
const smtp = new SmtpTestServer();
const clock = new ManualClock('2026-11-29T03:00:00.000Z'); // 10:00 in Hồ Chí Minh City
let moduleRef: TestingModule;
let dataSource: DataSource;

const count = async (sql: string, params: unknown[]): Promise<number> =>
  Number((await dataSource.query<{ n: string | number }[]>(sql, params))[0]?.n ?? 0);
const waiting = (userId: string) =>
  count('SELECT COUNT(*) AS `n` FROM `notification_digest_entries` WHERE `user_id` = ?', [userId]);
const deliveries = (userId: string, status: string) =>
  count(
    "SELECT COUNT(*) AS `n` FROM `notification_deliveries` WHERE `user_id` = ? AND `channel` = 'email' AND `status` = ?",
    [userId, status],
  );

async function enrolled(userId: string, courseTitle: string): Promise<void> {
  const eventId = await insertOutboxEvent(dataSource, 'enrollment.confirmed', {
    enrollmentId: newId(),
    courseId: newId(),
    userId,
    courseTitle,
  });
  await moduleRef.get(DeliverEventJob).deliver({ outboxEventId: eventId });
}

async function digestUser(email: string, timeZone = 'Asia/Ho_Chi_Minh'): Promise<string> {
  const [userId] = await insertPeople(dataSource, [{ email, fullName: 'Đỗ Thu' }]);
  await moduleRef
    .get(NotificationPreferencesService)
    .update(userId!, { email: true, digest: 'daily', timeZone });
  return userId!;
}

const plan = () => moduleRef.get(PlanDigestsJob).plan();
const sendDigest = (userId: string, digestDate: string) =>
  moduleRef.get(SendDigestJob).send({ userId, digestDate }, jobContext());

beforeAll(async () => {
  Logger.overrideLogger(false);
  await smtp.start();
  moduleRef = await notificationHandlers(testConfig({ SMTP_URL: smtp.url }), clock);
  dataSource = moduleRef.get(DataSource);
});

afterAll(async () => {
  await moduleRef.close();
  await smtp.stop();
});

describe('the daily digest', () => {
  it('gathers the day’s events into one email at 07:00 local time, once', async () => {
    const thu = await digestUser('thu@example.vn');
    for (const title of ['Tin học', 'Ngoại ngữ', 'Kỹ năng sống']) await enrolled(thu, title);
    expect(await deliveries(thu, 'digest')).toBe(3);
    expect(await waiting(thu)).toBe(3);

    clock.set('2026-11-29T23:59:00.000Z'); // 06:59 on the 30th in Hồ Chí Minh City
    expect(await plan()).toEqual({ queued: 0 });
    clock.set('2026-11-30T00:00:00.000Z'); // 07:00
    expect(await plan()).toEqual({ queued: 1 });
    await plan(); // a second planner run (or worker) adds nothing
    const queue = moduleRef.get(JobQueue).queue('notifications');
    const planned = (await queue.getJobs(['waiting', 'prioritized', 'delayed'])).filter(
      (job) => job.name === 'notifications.send-digest',
    );
    expect(planned.map((job) => job.id)).toEqual([sendDigestJobId(thu, '2026-11-30')]);

    await expect(sendDigest(thu, '2026-11-30')).resolves.toBe('sent');
    await expect(sendDigest(thu, '2026-11-30')).resolves.toBe('sent');
    expect(await plan()).toEqual({ queued: 0 });
    const messages = smtp.to('thu@example.vn');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.mail.subject).toBe('Bản tin Lifelong ngày 30/11/2026: 3 thông báo mới');
    for (const title of ['Tin học', 'Ngoại ngữ', 'Kỹ năng sống'])
      expect(messages[0]!.mail.text).toContain(`“${title}”`);
    expect(await deliveries(thu, 'sent')).toBe(3);
    expect(await waiting(thu)).toBe(0);

    // Later that day: waits for tomorrow's digest.
    await enrolled(thu, 'Lịch sử');
    expect(await plan()).toEqual({ queued: 0 });
    clock.set('2026-12-01T00:30:00.000Z');
    expect(await plan()).toEqual({ queued: 1 });
  });

  it('follows the person’s own time zone', async () => {
    const paris = await digestUser('paris@example.vn', 'Europe/Paris');
    clock.set('2026-12-02T05:30:00.000Z'); // 12:30 in Hồ Chí Minh City, 06:30 in Paris
    await enrolled(paris, 'Tiếng Pháp');
    const queued = async () =>
      (await moduleRef
        .get(JobQueue)
        .queue('notifications')
        .getJob(sendDigestJobId(paris, '2026-12-02'))) !== undefined;
    await plan();
    expect(await queued()).toBe(false);
    clock.set('2026-12-02T06:00:00.000Z'); // 07:00 in Paris
    await plan();
    expect(await queued()).toBe(true);
  });

  it('makes 10,000 events in a day one email, listing 20 and counting the rest', async () => {
    const busy = await digestUser('busy@example.vn');
    const total = 10_000;
    const firstEvent = 1_000_000;
    for (let start = 0; start < total; start += 2_000) {
      const events = Array.from({ length: 2_000 }, (_, i) => String(firstEvent + start + i));
      const data = JSON.stringify({
        enrollmentId: newId(),
        courseId: newId(),
        courseTitle: 'Khoá đông',
      });
      await dataSource.query(
        'INSERT INTO `notifications` (`user_id`, `id`, `event_id`, `kind`, `data`) VALUES ?',
        [events.map((eventId) => [busy, newId(), eventId, 'enrollment.confirmed', data])],
      );
      await dataSource.query(
        'INSERT INTO `notification_deliveries` (`event_id`, `user_id`, `channel`, `status`) VALUES ?',
        [events.map((eventId) => [eventId, busy, 'email', 'digest'])],
      );
      await dataSource.query(
        'INSERT INTO `notification_digest_entries` (`user_id`, `event_id`) VALUES ?',
        [events.map((eventId) => [busy, eventId])],
      );
    }
    clock.set('2026-12-03T00:05:00.000Z');
    await plan();
    await expect(sendDigest(busy, '2026-12-03')).resolves.toBe('sent');

    const [message, ...more] = smtp.to('busy@example.vn');
    expect(more).toEqual([]);
    expect(message!.mail.subject).toBe('Bản tin Lifelong ngày 03/12/2026: 10.000 thông báo mới');
    expect(message!.mail.text!.match(/^- /gm)).toHaveLength(20);
    expect(message!.mail.text).toContain('… và 9.980 thông báo khác.');
    expect(await deliveries(busy, 'sent')).toBe(total);
    expect(await waiting(busy)).toBe(0);
  });

  it('sends nothing, and says why, when the person has turned email off since', async () => {
    const off = await digestUser('off@example.vn');
    clock.set('2026-12-04T01:00:00.000Z');
    await enrolled(off, 'Âm nhạc');
    await moduleRef
      .get(NotificationPreferencesService)
      .update(off, { email: false, digest: 'daily' });
    await plan();
    await expect(sendDigest(off, '2026-12-04')).resolves.toBe('skipped');
    expect(smtp.to('off@example.vn')).toEqual([]);
    const [row] = await dataSource.query<{ status: string; reason: string }[]>(
      'SELECT `status`, `reason` FROM `notification_deliveries` WHERE `user_id` = ?',
      [off],
    );
    expect(row).toEqual({ status: 'skipped', reason: 'email_off' });
    expect(await waiting(off)).toBe(0);
  });
});
