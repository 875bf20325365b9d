import { JOB_SCHEDULES, JobQueue, JOBS, type JobName, QUEUE_NAMES } from '@lifelong/common';
import { AccessTokenService } from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { testConfig } from '../setup/test-env';
import { buildCourse, facility, insertLearners, platformAdmin } from '../support/course-fixtures';
import { eventually, expectStatus } from '../support/e2e';
import { answered, apiClient } from '../support/api-client';
import { type HttpClient, listen } from '../support/http-client';
import { RedisServer } from '../support/redis-server';
import { createTestApp } from '../support/test-app';
import { createTestWorker } from '../support/test-worker';

// A Redis of this file's own, without persistence: restarting it loses every key, the recurring
// jobs' schedulers included, while the api and the worker keep running.
let redis: RedisServer;
let api: NestFastifyApplication;
let worker: INestApplicationContext;
let http: HttpClient;

/** Every recurring job, by name, as the workers register them. */
const SCHEDULED = Object.keys(JOB_SCHEDULES).sort();

/** The schedulers Redis holds now, across every queue. */
async function schedulers(): Promise<string[]> {
  const jobs = api.get(JobQueue);
  const names: string[] = [];
  for (const queue of QUEUE_NAMES)
    for (const scheduler of await jobs.queue(queue).getJobSchedulers()) names.push(scheduler.name);
  return names.sort();
}

beforeAll(async () => {
  redis = await RedisServer.start();
  const config = testConfig({ REDIS_URL: redis.url, OUTBOX_RELAY_INTERVAL_MS: '300' });
  api = await createTestApp(config);
  http = await listen(api);
  worker = await createTestWorker(config);
}, 60_000);

afterAll(async () => {
  // Before their Redis goes: closing against a Redis that is not there waits for it.
  await worker?.close();
  await api?.close();
  await redis?.stop();
});

describe('a Redis that restarts without its data', () => {
  it('gets every recurring job back from the running worker, and the outbox relay runs again', async () => {
    expect(SCHEDULED).toContain('outbox.relay' satisfies JobName);
    expect(JOBS['outbox.relay'].queue).toBe('default');
    expect(await schedulers()).toEqual(SCHEDULED);

    await redis.restartEmpty();
    await eventually(
      'the schedulers registered again',
      async () => {
        const now = await schedulers().catch(() => []);
        return now.length === SCHEDULED.length ? now : undefined;
      },
      { timeout: 30_000, interval: 250 },
    );
    expect(await schedulers()).toEqual(SCHEDULED);

    // The relay scheduler, back, delivers an enrollment's notification.
    const dataSource = api.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const { courseId } = await buildCourse(api, admin, await facility(api, admin));
    const [learnerId] = await insertLearners(dataSource, 1, 'redis-restart');
    const token = await api.get(AccessTokenService).issue(learnerId!);
    await expectStatus(http.post(`/api/v1/courses/${courseId}/enrollments`, { token }), 201);
    await eventually('the notification reaching the inbox', async () => {
      const inbox = await expectStatus(
        answered(apiClient(http.base, token).GET('/api/v1/me/notifications')),
        200,
      );
      return inbox.items.length === 1 ? true : undefined;
    });
  }, 60_000);
});
