import { readdirSync, readFileSync } from 'node:fs';
import { AccessTokenService } from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { testConfig } from '../setup/test-env';
import { buildCourse, facility, insertLearners, platformAdmin } from '../support/course-fixtures';
import { eventually, expectStatus } from '../support/e2e';
import { answered, apiClient } from '../support/api-client';
import { type HttpClient, type Json, listen } from '../support/http-client';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestApp } from '../support/test-app';
import { createTestWorker } from '../support/test-worker';

// The api and the worker reach Redis only through a proxy the test cuts: an outage as the
// running processes see it (connections reset, new ones refused), not a stand-in queue.
const direct = testConfig();
let redis: TcpProxy;
let api: NestFastifyApplication;
let worker: INestApplicationContext;
let http: HttpClient;

/** The outbox rows of `type` not yet handed to a job. */
async function pendingEvents(type: string): Promise<number> {
  const [{ pending }] = await api
    .get(DataSource)
    .query<[{ pending: string }]>(
      'SELECT COUNT(*) AS `pending` FROM `outbox_events` WHERE `type` = ? AND `dispatched_at` IS NULL',
      [type],
    );
  return Number(pending);
}

/** The emails written for `address` (MAIL_DIR: one .eml file each). */
function mailsTo(address: string): number {
  let files: string[];
  try {
    files = readdirSync(direct.mail.dir).filter((name) => name.endsWith('.eml'));
  } catch {
    return 0;
  }
  return files.filter((name) =>
    readFileSync(`${direct.mail.dir}/${name}`, 'utf8').includes(address),
  ).length;
}

beforeAll(async () => {
  redis = await TcpProxy.start({ host: direct.redis.host, port: direct.redis.port });
  const config = testConfig({
    REDIS_URL: redis.rewrite(direct.redis.url),
    OUTBOX_RELAY_INTERVAL_MS: '300',
  });
  api = await createTestApp(config);
  http = await listen(api);
  worker = await createTestWorker(config);
}, 60_000);

afterAll(async () => {
  // Redis back before anything closes: a queue closing against a cut Redis waits for it.
  await redis?.restore();
  await worker?.close();
  await api?.close();
  await redis?.close();
});

describe('a Redis outage', () => {
  it('keeps an enrollment made meanwhile, whose one notification goes out once Redis is back', async () => {
    const dataSource = api.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const { courseId } = await buildCourse(api, admin, await facility(api, admin));
    const [learnerId] = await insertLearners(dataSource, 1, 'redis-outage');
    const token = await api.get(AccessTokenService).issue(learnerId!);
    const address = 'hoc.vien.redis-outage.0@example.vn';

    await redis.cut();
    const enrollment = await expectStatus<Json>(
      http.post(`/api/v1/courses/${courseId}/enrollments`, { token }),
      201,
    );
    expect(enrollment).toMatchObject({ courseId, status: 'active' });
    // Several relay intervals pass: the event is kept, nothing reaches the learner.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await pendingEvents('enrollment.confirmed')).toBe(1);
    const inboxMeanwhile = await expectStatus<Json>(
      http.get('/api/v1/me/notifications', { token }),
      200,
    );
    expect(inboxMeanwhile.items).toEqual([]);

    await redis.restore();
    // The same worker, its relay scheduler and queue connections reconnect on their own.
    await eventually(
      'the notification reaching the inbox',
      async () => {
        const inbox = await expectStatus(
          answered(apiClient(http.base, token).GET('/api/v1/me/notifications')),
          200,
        );
        return inbox.items.length > 0 ? true : undefined;
      },
      { timeout: 30_000, interval: 250 },
    );
    await eventually('the email', () => Promise.resolve(mailsTo(address) > 0 ? true : undefined));
    // A few more relay runs: the event was handed over once, and once only.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await pendingEvents('enrollment.confirmed')).toBe(0);
    const inbox = await expectStatus<Json>(http.get('/api/v1/me/notifications', { token }), 200);
    expect(inbox.items).toEqual([
      expect.objectContaining({ kind: 'enrollment.confirmed' }) as unknown,
    ]);
    expect(mailsTo(address)).toBe(1);
  }, 60_000);
});
