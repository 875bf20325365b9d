import {
  type AppConfig,
  type Clock,
  type JobContext,
  type JobQueue,
  JobsModule,
  ManualClock,
  newId,
  type OutboxEventType,
} from '@lifelong/common';
import { outboxJobId } from '@lifelong/database';
import { type NotificationKind, NotificationsWorkerModule } from '@lifelong/notifications';
import { Test, type TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { servicesModule } from '../../../test/support/services-module';

/** A person as identity stores them; `email` may be blank or malformed (imported staff). */
export interface TestPerson {
  email: string;
  fullName?: string;
  locale?: string;
}

/** Inserts accounts in one statement; returns their ids in order. */
export async function insertPeople(
  dataSource: DataSource,
  people: readonly TestPerson[],
): Promise<string[]> {
  const ids = people.map(() => newId());
  await dataSource.query('INSERT INTO `users` (`id`, `email`, `full_name`, `locale`) VALUES ?', [
    people.map((person, index) => [
      ids[index],
      person.email,
      person.fullName ?? `Người thử ${index + 1}`,
      person.locale ?? 'vi',
    ]),
  ]);
  return ids;
}

/**
 * Writes an outbox event as a producer would, with any payload (enrollment events do not carry
 * `courseTitle` yet); the worker's relay picks it up. Returns its id.
 */
export async function insertOutboxEvent(
  dataSource: DataSource,
  type: OutboxEventType,
  payload: object,
): Promise<string> {
  const result = await dataSource.query<{ insertId: number | string }>(
    'INSERT INTO `outbox_events` (`type`, `payload`) VALUES (?, ?)',
    [type, JSON.stringify(payload)],
  );
  return String(result.insertId);
}

/**
 * An event written as already relayed, with its `notifications.deliver-event` job added as the
 * relay adds it: tests of one kind's delivery without the relay's other routes.
 */
export async function relayedEvent(
  dataSource: DataSource,
  jobs: JobQueue,
  type: NotificationKind,
  payload: object,
): Promise<string> {
  const result = await dataSource.query<{ insertId: number | string }>(
    'INSERT INTO `outbox_events` (`type`, `payload`, `dispatched_at`) VALUES (?, ?, CURRENT_TIMESTAMP(3))',
    [type, JSON.stringify(payload)],
  );
  const outboxEventId = String(result.insertId);
  const jobId = outboxJobId(outboxEventId, 'notifications.deliver-event');
  await jobs.enqueue('notifications.deliver-event', { outboxEventId }, { jobId });
  return outboxEventId;
}

/**
 * Notifications' services and job handlers over the test database and Redis, with a manual
 * clock and no queue workers: tests call the handlers themselves.
 */
export async function notificationHandlers(
  config: AppConfig,
  clock: Clock = new ManualClock(),
): Promise<TestingModule> {
  return servicesModule(config, clock, [JobsModule, NotificationsWorkerModule]);
}

/** A job context for calling a handler directly, as the worker would on `attempt`. */
export function jobContext(attempt = 1): JobContext {
  return {
    jobId: newId(),
    jobName: 'notifications.send-email',
    attempt,
    reportProgress: () => Promise.resolve(),
  };
}

/** The real worker (every domain's handlers, queue workers, schedulers) in this process. */
export async function startWorker(config: AppConfig): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [WorkerModule.forRoot(config)],
  }).compile();
  return moduleRef.init();
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface DeliveryRow {
  userId: string;
  status: string;
  attempts: number;
  reason: string | null;
}

/** The email deliveries of one event. */
export function deliveriesOf(dataSource: DataSource, eventId: string): Promise<DeliveryRow[]> {
  return dataSource.query<DeliveryRow[]>(
    "SELECT `user_id` AS `userId`, `status`, `attempts`, `reason` FROM `notification_deliveries` WHERE `event_id` = ? AND `channel` = 'email' ORDER BY `user_id`",
    [eventId],
  );
}

/** How many inbox entries one event made for one person. */
export async function inboxCount(
  dataSource: DataSource,
  eventId: string,
  userId: string,
): Promise<number> {
  const rows = await dataSource.query<{ n: string | number }[]>(
    'SELECT COUNT(*) AS `n` FROM `notifications` WHERE `event_id` = ? AND `user_id` = ?',
    [eventId, userId],
  );
  return Number(rows[0]?.n ?? 0);
}
