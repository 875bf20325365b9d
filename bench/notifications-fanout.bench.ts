import { ClockModule, ConfigModule, JobQueue, JOBS, JobsModule, newId } from '@lifelong/common';
import { DatabaseModule } from '@lifelong/database';
import {
  DeliverEventJob,
  NotificationFanOut,
  NotificationsWorkerModule,
  sendEmailJobId,
} from '@lifelong/notifications';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../test/setup/test-env';

// A broadcast reminder to 100,000 enrolled learners. The producer chunks recipients into
// events of 1,000 (`recipientIds`), so 100 outbox events run through `notifications.deliver-event`.
// Measured in the same run against the floor: bare BullMQ addBulk of equivalent jobs, and a raw
// multi-row INSERT of the same inbox rows. Prints figures and ratios; asserts no time.
const LEARNERS = 100_000;
const PER_EVENT = 1_000;
const ENQUEUE_GOAL = 0.9;
const INBOX_GOAL = 0.5;
/** The raw floor's rows use event ids from here, beside ours in the same table. */
const RAW_EVENTS = 1_000_000_000;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
const perSecond = (count: number, elapsed: number): string =>
  `${Math.round(count / elapsed).toLocaleString('en')}/s`;

async function insertLearners(dataSource: DataSource): Promise<string[]> {
  const ids = Array.from({ length: LEARNERS }, () => newId());
  for (let start = 0; start < ids.length; start += 5_000) {
    const chunk = ids.slice(start, start + 5_000);
    await dataSource.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES ?', [
      chunk.map((id, i) => [id, `hoc.vien.${start + i}@example.vn`, `Học viên ${start + i}`]),
    ]);
  }
  return ids;
}

/** A reminder's stored data: its payload without the recipient list (what the recipe keeps). */
const storedData = (payload: Record<string, unknown>): string =>
  JSON.stringify(
    Object.fromEntries(Object.entries(payload).filter(([key]) => key !== 'recipientIds')),
  );

/** The reminder events as the television lib will write them (already relayed). */
interface Reminder {
  eventId: string;
  data: string;
  recipients: string[];
}

async function insertReminders(
  dataSource: DataSource,
  learners: readonly string[],
): Promise<Reminder[]> {
  const events: Reminder[] = [];
  for (let start = 0; start < learners.length; start += PER_EVENT) {
    const payload = {
      broadcastId: newId(),
      courseId: newId(),
      lessonTitle: 'Bài 5: An toàn thông tin',
      courseTitle: 'Kỹ năng số cho mọi người',
      channelName: 'VTV7',
      startsAt: '2026-12-01T12:30:00.000Z',
      recipientIds: learners.slice(start, start + PER_EVENT),
    };
    const result = await dataSource.query<{ insertId: number }>(
      'INSERT INTO `outbox_events` (`type`, `payload`, `dispatched_at`) VALUES (?, ?, CURRENT_TIMESTAMP(3))',
      ['broadcast.reminder', JSON.stringify(payload)],
    );
    events.push({
      eventId: String(result.insertId),
      data: storedData(payload),
      recipients: payload.recipientIds,
    });
  }
  return events;
}

/** The floor for the inbox: the same rows in one multi-row INSERT, into the same table. */
async function rawInbox(
  dataSource: DataSource,
  eventId: string,
  data: string,
  recipients: readonly string[],
): Promise<number> {
  const now = new Date();
  const started = process.hrtime.bigint();
  await dataSource.query(
    'INSERT INTO `notifications` (`user_id`, `id`, `event_id`, `kind`, `data`, `created_at`) VALUES ?',
    [
      recipients.map((userId) => [
        userId,
        newId(),
        RAW_EVENTS + Number(eventId),
        'broadcast.reminder',
        data,
        now,
      ]),
    ],
  );
  return seconds(started);
}

/** The floor for the queue: bare addBulk of the same number of equivalent jobs. */
async function bareAddBulk(
  jobs: JobQueue,
  eventId: string,
  recipients: readonly string[],
): Promise<number> {
  const options = JOBS['notifications.send-email'].options;
  const started = process.hrtime.bigint();
  await jobs.queue('notifications').addBulk(
    recipients.map((userId) => ({
      name: 'notifications.send-email',
      data: { eventId: `bare${eventId}`, userId, meta: {} },
      opts: { ...options, jobId: sendEmailJobId(`bare${eventId}`, userId) },
    })),
  );
  return seconds(started);
}

/** Times a method of the real fan-out while the real handler runs. */
function timed<T extends object, K extends keyof T>(target: T, method: K): { seconds: number } {
  const original = target[method] as (...args: unknown[]) => Promise<unknown>;
  const total = { seconds: 0 };
  (target as Record<K, unknown>)[method] = async (...args: unknown[]) => {
    const started = process.hrtime.bigint();
    try {
      return await original.apply(target, args);
    } finally {
      total.seconds += seconds(started);
    }
  };
  return total;
}

describe('notifications fan-out benchmark', () => {
  let moduleRef: TestingModule;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig()),
        ClockModule,
        DatabaseModule,
        JobsModule,
        NotificationsWorkerModule,
      ],
    }).compile();
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef.get(JobQueue).queue('notifications').obliterate({ force: true });
    await moduleRef.close();
  });

  it(`reminds ${LEARNERS.toLocaleString('en')} learners and compares with bare addBulk and raw inserts`, async () => {
    const dataSource = moduleRef.get(DataSource);
    const jobs = moduleRef.get(JobQueue);
    const learners = await insertLearners(dataSource);
    const events = await insertReminders(dataSource, learners);

    // Ours (the real handler, its two steps timed inside it) and the floors alternate event by
    // event, so both see the same tables, the same queue and the same load on the machine.
    const fanOut = moduleRef.get(NotificationFanOut);
    const writes = timed(fanOut, 'write');
    const enqueues = timed(fanOut, 'enqueueSends');
    const deliver = moduleRef.get(DeliverEventJob);
    let [rawInboxSeconds, bareSeconds, handlerSeconds, queued] = [0, 0, 0, 0];
    for (const { eventId, data, recipients } of events) {
      rawInboxSeconds += await rawInbox(dataSource, eventId, data, recipients);
      bareSeconds += await bareAddBulk(jobs, eventId, recipients);
      const started = process.hrtime.bigint();
      queued += (await deliver.deliver({ outboxEventId: eventId })).emailsQueued;
      handlerSeconds += seconds(started);
    }

    const [inbox] = await dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS `n` FROM `notifications` WHERE `event_id` < ?',
      [RAW_EVENTS],
    );
    const waiting = await jobs
      .queue('notifications')
      .getJobCountByTypes('waiting', 'prioritized', 'delayed');
    if (Number(inbox?.n) !== LEARNERS || queued !== LEARNERS || waiting !== 2 * LEARNERS)
      throw new Error(`Fan-out incomplete: ${JSON.stringify({ inbox, queued, waiting })}`);

    const enqueueRatio = bareSeconds / enqueues.seconds;
    const inboxRatio = rawInboxSeconds / writes.seconds;
    process.stdout.write(
      [
        '',
        `notifications fan-out: ${LEARNERS.toLocaleString('en')} recipients (${events.length} reminder events × ${PER_EVENT.toLocaleString('en')})`,
        `  enqueue, ours (deliver-event's bulk enqueue):  ${perSecond(LEARNERS, enqueues.seconds)} (${enqueues.seconds.toFixed(2)} s)`,
        `  enqueue, bare BullMQ addBulk, same jobs:       ${perSecond(LEARNERS, bareSeconds)} (${bareSeconds.toFixed(2)} s)`,
        `  ratio ours / bare: ${enqueueRatio.toFixed(2)} (goal ≥ ${ENQUEUE_GOAL}: ${enqueueRatio >= ENQUEUE_GOAL ? 'met' : 'NOT MET'})`,
        `  inbox rows, ours (inbox + delivery rows + digest entries): ${perSecond(LEARNERS, writes.seconds)} (${writes.seconds.toFixed(2)} s)`,
        `  inbox rows, raw multi-row INSERT of the same rows:          ${perSecond(LEARNERS, rawInboxSeconds)} (${rawInboxSeconds.toFixed(2)} s)`,
        `  ratio ours / raw: ${inboxRatio.toFixed(2)} (goal ≥ ${INBOX_GOAL}: ${inboxRatio >= INBOX_GOAL ? 'met' : 'NOT MET'})`,
        `  whole handler (read event, recipients, writes, enqueue): ${perSecond(LEARNERS, handlerSeconds)} (${handlerSeconds.toFixed(2)} s)`,
        '',
      ].join('\n') + '\n',
    );
    expect(queued).toBe(LEARNERS);
  });
});
