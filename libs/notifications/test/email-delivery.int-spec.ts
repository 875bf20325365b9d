import { JobQueue, newId } from '@lifelong/common';
import { outboxJobId, recordEvent } from '@lifelong/database';
import type { TestingModule } from '@nestjs/testing';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import {
  headerOf,
  type ReceivedMail,
  SmtpTestServer,
} from '../../../test/support/smtp-test-server';
import { testConfig } from '../../../test/setup/test-env';
import { DeliveriesRepository } from '../src/deliveries/deliveries.repository';
import { UnsubscribeTokens } from '../src/email/unsubscribe-tokens.service';
import { sendEmailJobId } from '../src/fan-out/notification-fan-out.service';
import {
  deliveriesOf,
  eventually,
  inboxCount,
  insertOutboxEvent,
  insertPeople,
  relayedEvent,
  startWorker,
} from './notifications-testing';

// The whole path in the real worker: outbox relay → notifications.deliver-event →
// notifications.send-email → a real SMTP server in this process.
const PUBLIC_URL = 'https://lifelong.example.vn';
const RATE = 4;
const smtp = new SmtpTestServer();

jest.setTimeout(30_000);
let worker: TestingModule;
let dataSource: DataSource;

/** An empty title stands for an event whose course had none recorded (older events). */
const enrollmentEvent = (userId: string, courseTitle = '') => ({
  enrollmentId: newId(),
  courseId: newId(),
  userId,
  courseTitle,
});

const statusOf = async (eventId: string, userId: string): Promise<string | undefined> =>
  (await deliveriesOf(dataSource, eventId)).find((row) => row.userId === userId)?.status;

const unsubscribeLink = (mail: ParsedMail): string =>
  headerOf(mail, 'List-Unsubscribe').replace(/^<|>$/g, '');

beforeAll(async () => {
  await smtp.start();
  const config = testConfig({
    SMTP_URL: smtp.url,
    PUBLIC_URL,
    OUTBOX_RELAY_INTERVAL_MS: '100',
    NOTIFICATIONS_RATE_PER_SECOND: String(RATE),
  });
  worker = await startWorker(config);
  dataSource = worker.get(DataSource);
});

afterAll(async () => {
  await worker?.close();
  await smtp.stop();
});

describe('an event becomes an email', () => {
  it('reaches a vi and an en learner in their language, with both parts, links and headers', async () => {
    const [hoa, john] = await insertPeople(dataSource, [
      { email: 'hoa@example.vn', fullName: 'Nguyễn Thị Hoa', locale: 'vi' },
      { email: 'john@example.com', fullName: 'John Smith', locale: 'en' },
    ]);
    const title = 'Kỹ năng số <cơ bản>';
    const toHoa = await insertOutboxEvent(
      dataSource,
      'enrollment.confirmed',
      enrollmentEvent(hoa!, title),
    );
    await insertOutboxEvent(dataSource, 'enrollment.promoted', enrollmentEvent(john!, title));

    const [vi] = await smtp.waitFor(1, 'hoa@example.vn');
    const [en] = await smtp.waitFor(1, 'john@example.com');
    expect(vi!.mail.subject).toBe('Ghi danh thành công: “Kỹ năng số <cơ bản>”');
    expect(vi!.mail.to).toMatchObject({
      value: [{ address: 'hoa@example.vn', name: 'Nguyễn Thị Hoa' }],
    });
    expect(headerOf(vi!.mail, 'Content-Language')).toBe('vi');
    expect(vi!.mail.text).toContain('Xin chào Nguyễn Thị Hoa,');
    expect(vi!.mail.text).toContain('Bạn đã có chỗ trong khoá học “Kỹ năng số <cơ bản>”.');
    expect(vi!.mail.html).toContain('“Kỹ năng số &lt;cơ bản&gt;”');
    expect(vi!.mail.html).not.toContain('<cơ bản>');
    expect(en!.mail.subject).toBe('You have a place in “Kỹ năng số <cơ bản>”');
    expect(headerOf(en!.mail, 'Content-Language')).toBe('en');
    expect(en!.mail.text).toContain('Hello John Smith,');

    for (const [message, userId] of [
      [vi!, hoa!],
      [en!, john!],
    ] as const) {
      const link = unsubscribeLink(message.mail);
      expect(link).toMatch(
        /^https:\/\/lifelong\.example\.vn\/api\/v1\/notifications\/unsubscribe\?token=/,
      );
      expect(worker.get(UnsubscribeTokens).verify(new URL(link).searchParams.get('token')!)).toBe(
        userId,
      );
      expect(headerOf(message.mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(message.mail.text).toContain(link);
      expect(message.mail.html).toContain(link.replace(/&/g, '&amp;'));
    }
    await eventually(
      async () => (await statusOf(toHoa, hoa!)) === 'sent',
      'the delivery to be sent',
    );
    expect(await inboxCount(dataSource, toHoa, hoa!)).toBe(1);
  });

  it('writes a generic phrase, never "undefined", when the event carries no course title', async () => {
    const [an] = await insertPeople(dataSource, [{ email: 'an@example.vn', fullName: 'Lê An' }]);
    await dataSource.transaction((manager) =>
      recordEvent(manager, 'enrollment.confirmed', enrollmentEvent(an!)),
    );
    const [message] = await smtp.waitFor(1, 'an@example.vn');
    expect(message!.mail.subject).toBe('Ghi danh thành công');
    expect(message!.mail.text).toContain('Bạn đã có chỗ trong khoá học bạn đăng ký.');
    expect(`${message!.mail.text}${String(message!.mail.html)}`).not.toMatch(/undefined|null/);
  });

  it('keeps the inbox entry and sends nothing to people with no or a malformed address', async () => {
    const [blank, malformed, fine] = await insertPeople(dataSource, [
      { email: '' },
      { email: 'binh@@example' },
      { email: 'chi@example.vn' },
    ]);
    const eventId = await relayedEvent(dataSource, worker.get(JobQueue), 'broadcast.reminder', {
      broadcastId: newId(),
      recipientIds: [blank, malformed, fine],
      lessonTitle: 'Bài 3',
      startsAt: '2026-12-01T12:00:00.000Z',
    });
    await smtp.waitFor(1, 'chi@example.vn');
    await eventually(
      async () => (await statusOf(eventId, fine!)) === 'sent',
      'the good address to be sent',
    );
    const rows = await deliveriesOf(dataSource, eventId);
    expect(rows.find((row) => row.userId === blank)).toMatchObject({
      status: 'skipped',
      reason: 'no_email',
    });
    expect(rows.find((row) => row.userId === malformed)).toMatchObject({
      status: 'skipped',
      reason: 'invalid_email',
    });
    for (const userId of [blank!, malformed!, fine!])
      expect(await inboxCount(dataSource, eventId, userId)).toBe(1);
    expect(
      smtp.received.filter((message) => message.recipients.some((to) => to.includes('binh'))),
    ).toEqual([]);
  });

  it('records a permanent refusal as failed at once, with the reason and no address in it', async () => {
    smtp.refused.add('gone@example.vn');
    const [gone] = await insertPeople(dataSource, [{ email: 'gone@example.vn' }]);
    const eventId = await relayedEvent(dataSource, worker.get(JobQueue), 'certificate.issued', {
      userId: gone,
      serial: 'LL-7K3M',
    });
    await eventually(
      async () => (await statusOf(eventId, gone!)) === 'failed',
      'the delivery to fail',
    );
    const [row] = await deliveriesOf(dataSource, eventId);
    expect(row).toMatchObject({ attempts: 1 });
    expect(row!.reason).toMatch(/550/);
    expect(row!.reason).not.toContain('gone@example.vn');
    expect(await inboxCount(dataSource, eventId, gone!)).toBe(1);
  });
});

describe('never twice', () => {
  it('sends one message when the same outbox event is relayed twice', async () => {
    const [dung] = await insertPeople(dataSource, [{ email: 'dung@example.vn' }]);
    const eventId = await insertOutboxEvent(
      dataSource,
      'enrollment.confirmed',
      enrollmentEvent(dung!, 'Tin học'),
    );
    await smtp.waitFor(1, 'dung@example.vn');
    await eventually(async () => (await statusOf(eventId, dung!)) === 'sent', 'the first delivery');

    // As if the relay lost its bookkeeping and Redis its jobs: the event goes out again.
    const jobs = worker.get(JobQueue);
    await jobs.queue('default').remove(outboxJobId(eventId, 'notifications.deliver-event'));
    await jobs.queue('notifications').remove(sendEmailJobId(eventId, dung!));
    await dataSource.query('UPDATE `outbox_events` SET `dispatched_at` = NULL WHERE `id` = ?', [
      eventId,
    ]);
    const again = outboxJobId(eventId, 'notifications.deliver-event');
    await eventually(
      async () => (await jobs.queue('default').getJobState(again)) === 'completed',
      'the second delivery run',
    );

    expect(smtp.to('dung@example.vn')).toHaveLength(1);
    expect(await inboxCount(dataSource, eventId, dung!)).toBe(1);
    expect(
      await jobs.queue('notifications').getJob(sendEmailJobId(eventId, dung!)),
    ).toBeUndefined();
  });

  it('sends one message when a run dies after the relay accepted it, before recording it', async () => {
    const [em] = await insertPeople(dataSource, [{ email: 'em@example.vn' }]);
    const deliveries = worker.get(DeliveriesRepository);
    const ledger = deliveries.ledger.bind(deliveries);
    let died = false;
    // Em's first send dies right after the SMTP server accepted the message.
    const spy = jest.spyOn(deliveries, 'ledger').mockImplementation((eventId, userId) => {
      const real = ledger(eventId, userId);
      if (userId !== em || died) return real;
      died = true;
      return {
        ...real,
        markSent: () => Promise.reject(new Error('the worker died before recording the send')),
      };
    });
    const eventId = await insertOutboxEvent(
      dataSource,
      'enrollment.confirmed',
      enrollmentEvent(em!, 'Ngoại ngữ'),
    );

    // The failed run is retried (2 s backoff); the retry finds the claim and does not resend.
    await eventually(
      async () => (await statusOf(eventId, em!)) === 'unconfirmed',
      'the retry',
      15_000,
    );
    spy.mockRestore();
    expect(smtp.to('em@example.vn')).toHaveLength(1);
    const [row] = await deliveriesOf(dataSource, eventId);
    expect(row).toMatchObject({ attempts: 1, status: 'unconfirmed' });
  });
});

describe('the relay away for a while', () => {
  it('retries with backoff and delivers once the SMTP server is back', async () => {
    const [giang] = await insertPeople(dataSource, [{ email: 'giang@example.vn' }]);
    await smtp.stop();
    try {
      const eventId = await insertOutboxEvent(
        dataSource,
        'enrollment.confirmed',
        enrollmentEvent(giang!, 'Kỹ năng sống'),
      );
      // The attempt is counted when it starts: wait until its failure is recorded too.
      await eventually(async () => {
        const [row] = await deliveriesOf(dataSource, eventId);
        return row?.attempts === 1 && row.reason !== null;
      }, 'the first attempt to fail');
      const [failed] = await deliveriesOf(dataSource, eventId);
      expect(failed).toMatchObject({ status: 'pending' });
      expect(failed!.reason).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);

      await smtp.start();
      await smtp.waitFor(1, 'giang@example.vn', 15_000);
      await eventually(
        async () => (await statusOf(eventId, giang!)) === 'sent',
        'the delivery to be sent',
      );
      expect(smtp.to('giang@example.vn')).toHaveLength(1);
    } finally {
      // A failure here must not leave the server down for the tests after it.
      if (!smtp.listening) await smtp.start();
    }
  });
});

describe('the send rate', () => {
  it(`starts at most NOTIFICATIONS_RATE_PER_SECOND (${RATE}) sends a second`, async () => {
    const people = await insertPeople(
      dataSource,
      Array.from({ length: 9 }, (_, i) => ({ email: `rate${i}@example.vn` })),
    );
    await relayedEvent(dataSource, worker.get(JobQueue), 'broadcast.reminder', {
      broadcastId: newId(),
      recipientIds: people,
    });
    const rated = (): ReceivedMail[] =>
      smtp.received.filter((message) => message.recipients[0]?.startsWith('rate'));
    await eventually(() => Promise.resolve(rated().length === 9), 'all nine messages', 15_000);
    const messages = rated();
    const times = messages.map((message) => message.receivedAt).sort((a, b) => a - b);
    // 9 sends at 4 a second need three windows: the last starts at least two seconds after the first.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(1_500);
  });
});
