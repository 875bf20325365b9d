import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@lifelong/common';
import {
  DeliverEventJob,
  NotificationPreferencesService,
  SendEmailJob,
} from '@lifelong/notifications';
import { Logger } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { headerOf, SmtpTestServer } from '../../../test/support/smtp-test-server';
import { testConfig } from '../../../test/setup/test-env';
import {
  deliveriesOf,
  inboxCount,
  insertOutboxEvent,
  insertPeople,
  jobContext,
  notificationHandlers,
} from './notifications-testing';

// The send handler called directly (no queue workers), to reach its last attempt and the
// .eml transport without waiting for backoff.
const enrollment = (userId: string) => ({
  enrollmentId: newId(),
  courseId: newId(),
  userId,
  courseTitle: 'Kỹ năng số',
});

let moduleRef: TestingModule | undefined;

beforeAll(() => {
  Logger.overrideLogger(false);
});

afterEach(async () => {
  await moduleRef?.close();
  moduleRef = undefined;
});

/** An event fanned out by the handler itself, as the worker would after the relay. */
async function delivered(userId: string): Promise<string> {
  const dataSource = moduleRef!.get(DataSource);
  const eventId = await insertOutboxEvent(dataSource, 'enrollment.confirmed', enrollment(userId));
  await dataSource.query(
    'UPDATE `outbox_events` SET `dispatched_at` = CURRENT_TIMESTAMP(3) WHERE `id` = ?',
    [eventId],
  );
  await moduleRef!.get(DeliverEventJob).deliver({ outboxEventId: eventId });
  return eventId;
}

describe('a send that keeps failing', () => {
  it('is pending with its reason between attempts, failed after the last, inbox entry kept', async () => {
    const down = new SmtpTestServer();
    await down.start();
    await down.stop();
    moduleRef = await notificationHandlers(testConfig({ SMTP_URL: down.url }));
    const dataSource = moduleRef.get(DataSource);
    const [hoa] = await insertPeople(dataSource, [{ email: 'hoa@example.vn' }]);
    const eventId = await delivered(hoa!);
    const send = moduleRef.get(SendEmailJob);

    await expect(send.send({ eventId, userId: hoa! }, jobContext(1))).rejects.toThrow(
      /ECONNREFUSED|ESOCKET|ECONNECTION/,
    );
    expect((await deliveriesOf(dataSource, eventId))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
    });

    await expect(send.send({ eventId, userId: hoa! }, jobContext(12))).rejects.toThrow();
    const [failed] = await deliveriesOf(dataSource, eventId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed!.reason).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(await inboxCount(dataSource, eventId, hoa!)).toBe(1);

    // A later run of the same job (re-queued by hand) leaves the record alone.
    await expect(send.send({ eventId, userId: hoa! }, jobContext(13))).resolves.toBe('skipped');
  });
});

describe('a person who turns email off after the event', () => {
  it('is skipped at send time', async () => {
    const smtp = new SmtpTestServer();
    await smtp.start();
    try {
      moduleRef = await notificationHandlers(testConfig({ SMTP_URL: smtp.url }));
      const dataSource = moduleRef.get(DataSource);
      const [lan] = await insertPeople(dataSource, [{ email: 'lan@example.vn' }]);
      const eventId = await delivered(lan!);
      await moduleRef
        .get(NotificationPreferencesService)
        .update(lan!, { email: false, digest: 'off' });
      await expect(
        moduleRef.get(SendEmailJob).send({ eventId, userId: lan! }, jobContext()),
      ).resolves.toBe('skipped');
      expect((await deliveriesOf(dataSource, eventId))[0]).toMatchObject({
        status: 'skipped',
        reason: 'email_off',
      });
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.stop();
    }
  });
});

describe('without SMTP_URL', () => {
  it('writes each message, whole, as an .eml file under MAIL_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifelong-mail-'));
    try {
      moduleRef = await notificationHandlers(
        testConfig({ SMTP_URL: '', MAIL_DIR: dir, PUBLIC_URL: 'https://lifelong.example.vn' }),
      );
      const dataSource = moduleRef.get(DataSource);
      const [minh] = await insertPeople(dataSource, [
        { email: 'minh@example.vn', fullName: 'Phạm Minh', locale: 'en' },
      ]);
      const eventId = await delivered(minh!);
      await expect(
        moduleRef.get(SendEmailJob).send({ eventId, userId: minh! }, jobContext()),
      ).resolves.toBe('sent');

      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const mail = await simpleParser(await readFile(join(dir, files[0]!)));
      expect(mail.subject).toBe('Enrolled: “Kỹ năng số”');
      expect(mail.to).toMatchObject({ value: [{ address: 'minh@example.vn', name: 'Phạm Minh' }] });
      expect(mail.text).toContain('Hello Phạm Minh,');
      expect(mail.html).toContain('<html lang="en">');
      expect(headerOf(mail, 'List-Unsubscribe')).toMatch(
        /^<https:\/\/lifelong\.example\.vn\/api\/v1\/notifications\/unsubscribe\?token=.+>$/,
      );
      expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect((await deliveriesOf(dataSource, eventId))[0]).toMatchObject({ status: 'sent' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('an event that cannot become notifications', () => {
  it('fails its job for good instead of retrying', async () => {
    moduleRef = await notificationHandlers(testConfig());
    const dataSource = moduleRef.get(DataSource);
    const eventId = await insertOutboxEvent(dataSource, 'enrollment.confirmed', {
      enrollmentId: newId(),
      courseId: newId(),
    });
    await expect(
      moduleRef.get(DeliverEventJob).deliver({ outboxEventId: eventId }),
    ).rejects.toMatchObject({
      name: 'UnrecoverableError',
      message: expect.stringMatching(/no valid "userId"/) as unknown,
    });
  });
});
