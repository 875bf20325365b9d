import { JobQueue, newId, runWithRequestId, SystemClock } from '@lifelong/common';
import {
  dataSourceOptions,
  detectFlavor,
  OutboxRelay,
  outboxJobId,
  recordEvent,
} from '@lifelong/database';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';

interface EventRow {
  id: string;
  dispatchedAt: Date | null;
  attempts: number;
  lastError: string | null;
}

const config = testConfig();
let dataSource: DataSource;
const queues: JobQueue[] = [];

function relayThrough(redisUrl = config.redis.url): OutboxRelay {
  const jobs = new JobQueue(testConfig({ REDIS_URL: redisUrl }));
  queues.push(jobs);
  return new OutboxRelay(dataSource, jobs, new SystemClock());
}

async function eventRows(): Promise<EventRow[]> {
  return dataSource.query<EventRow[]>(
    'SELECT id, dispatched_at AS dispatchedAt, attempts, last_error AS lastError FROM outbox_events ORDER BY id',
  );
}

async function jobsInDefaultQueue(): Promise<{ id?: string; data: unknown }[]> {
  const jobs = new JobQueue(config);
  queues.push(jobs);
  return jobs.queue('default').getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
}

/** A user row and the event it causes, in one transaction, as a service would write them. */
async function changeWithEvent(importId: string): Promise<string> {
  const userId = newId();
  await runWithRequestId('req-outbox-test', () =>
    dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO users (id, email, full_name) VALUES (?, ?, ?)', [
        userId,
        `${userId}@example.test`,
        'Nguyễn Văn An',
      ]);
      await recordEvent(manager, 'organizations.staff-import-requested', { importId });
    }),
  );
  return userId;
}

beforeAll(async () => {
  Logger.overrideLogger(false);
  dataSource = new DataSource(dataSourceOptions(config, { flavor: await detectFlavor(config) }));
  await dataSource.initialize();
});

beforeEach(async () => {
  await dataSource.query('DELETE FROM outbox_events');
  const jobs = new JobQueue(config);
  queues.push(jobs);
  await jobs.queue('default').obliterate({ force: true });
});

afterEach(async () => {
  await Promise.all(queues.splice(0).map((jobs) => jobs.onApplicationShutdown()));
});

afterAll(async () => {
  await dataSource.destroy();
});

describe('outbox relay', () => {
  it('keeps the event pending with the error while Redis is away, then delivers it once', async () => {
    const importId = newId();
    const userId = await changeWithEvent(importId);

    const away = await relayThrough('redis://127.0.0.1:6399').relayPending({
      deliveryTimeoutMs: 300,
    });
    expect(away).toEqual({ dispatched: 0, failed: 1 });
    // The change committed although Redis was away.
    expect(await dataSource.query('SELECT id FROM users WHERE id = ?', [userId])).toHaveLength(1);
    const [pending] = await eventRows();
    expect(pending).toMatchObject({ dispatchedAt: null, attempts: 1 });
    expect(pending!.lastError).toMatch(/Redis did not answer/);

    const relay = relayThrough();
    expect(await relay.relayPending()).toEqual({ dispatched: 1, failed: 0 });
    expect(await relay.relayPending()).toEqual({ dispatched: 0, failed: 0 });
    // A re-delivery (e.g. the row was marked after the job was added, then the commit failed).
    await dataSource.query('UPDATE outbox_events SET dispatched_at = NULL');
    expect(await relay.relayPending()).toEqual({ dispatched: 1, failed: 0 });

    const jobs = await jobsInDefaultQueue();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      id: outboxJobId(pending!.id, 'organizations.import-staff'),
      data: { importId, meta: { requestId: 'req-outbox-test' } },
    });
    const [delivered] = await eventRows();
    expect(delivered!.dispatchedAt).toBeInstanceOf(Date);
    expect(delivered!.lastError).toBeNull();
  });

  it('drains the whole backlog in one pass, batch by batch, in order', async () => {
    const importIds = [newId(), newId(), newId(), newId(), newId()];
    for (const importId of importIds) await changeWithEvent(importId);

    expect(await relayThrough().relayPending({ batchSize: 2 })).toEqual({
      dispatched: 5,
      failed: 0,
    });
    const jobs = await jobsInDefaultQueue();
    expect(jobs.map((job) => (job.data as { importId: string }).importId).sort()).toEqual(
      [...importIds].sort(),
    );
    expect((await eventRows()).every((row) => row.dispatchedAt !== null)).toBe(true);
  });

  it('skips an event it cannot route without holding back the ones after it', async () => {
    await dataSource.query(
      "INSERT INTO outbox_events (type, payload) VALUES ('nobody.knows-this', '{}')",
    );
    await changeWithEvent(newId());

    expect(await relayThrough().relayPending()).toEqual({ dispatched: 1, failed: 1 });
    const [unknown, known] = await eventRows();
    expect(unknown).toMatchObject({ dispatchedAt: null, attempts: 1 });
    expect(unknown!.lastError).toMatch(/No route for event type "nobody.knows-this"/);
    expect(known!.dispatchedAt).toBeInstanceOf(Date);
  });
});
