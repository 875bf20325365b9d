import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppConfig,
  EVENT_ROUTES,
  JobQueue,
  JOBS,
  type OutboxEventType,
  QUEUE_NAMES,
} from '@lifelong/common';
import { outboxJobId } from '@lifelong/database';
import { AccessTokenService } from '@lifelong/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ApiProcess } from '../support/api-process';
import { buildCourse, facility, insertLearners } from '../support/course-fixtures';
import { person, type Person } from '../support/distance-lessons';
import { waitForQueues } from '../support/e2e';
import { HttpClient } from '../support/http-client';
import { fixture, mediaDir, removeMediaDir } from '../support/media-fixtures';
import { SmtpTestServer } from '../support/smtp-test-server';
import { createTestApp } from '../support/test-app';
import { WorkerProcess } from '../support/worker-process';
import { testConfig } from '../setup/test-env';
import { JobLedger } from './job-ledger';
import { type Airing, type Learner, MixedLoad, type VideoCourse } from './mixed-load';
import { Nginx } from './nginx';

// Issue 19, item 3: two api processes behind nginx and two workers, one MariaDB and one Redis,
// a mixed load, then SIGTERM to one api and one worker in the middle of it.
const LEARNERS = 30;
const VIDEO_COURSES = 3;
/** 60-second lessons: 12 reports of 5 s each to complete one. */
const VIDEO_SECONDS = 60;
const BROWSERS = 4;
const UPLOADS = 4;
const LOAD_MS = 40_000;
const TERMINATE_API_AT = 0.3;
const TERMINATE_WORKER_AT = 0.5;
/** The outbox relay: the recurring job with a short interval, to count ticks against. */
const RELAY_MS = 500;

/** Every process of the platform runs with these on top of the test settings. */
const platformEnv = (media: string, smtp: SmtpTestServer): Record<string, string> => ({
  MEDIA_DIR: media,
  SMTP_URL: smtp.url,
  OUTBOX_RELAY_INTERVAL_MS: String(RELAY_MS),
  // A worker that died would hand its jobs over within seconds; a stopped one hands none over.
  WORKER_LOCK_DURATION_MS: '5000',
  WORKER_STALLED_INTERVAL_MS: '2000',
  // nginx on loopback sets X-Forwarded-For.
  TRUST_PROXY: '127.0.0.1',
  LOG_LEVEL: 'silent',
});

let config: AppConfig;
let app: NestFastifyApplication;
let dataSource: DataSource;
let media: string;
let nginxDir: string;
let nginx: Nginx | undefined;
let ledger: JobLedger | undefined;
const smtp = new SmtpTestServer();
const apis: ApiProcess[] = [];
const workers: WorkerProcess[] = [];
let load: MixedLoad;
let admin: Person;
let learners: (Learner & { email: string })[];
let videoLessonIds: string[];
const figures: string[] = [];
const events = {
  loadStarted: 0,
  loadEnded: 0,
  /** The api taken out of nginx (`at`), nginx's old workers gone (`tookMs` later), then SIGTERM. */
  apiTakenOut: { at: 0, tookMs: 0 },
  apiTerminated: { at: 0, tookMs: 0, how: '' },
  workerTerminated: { at: 0, tookMs: 0, how: '', activeJobs: [] as string[] },
  drainedMs: 0,
  loadAverage: [0, 0],
};

beforeAll(async () => {
  const binary = Nginx.ensureInstalled();
  media = await mediaDir();
  nginxDir = await mkdtemp(join(tmpdir(), `${process.env.TEST_DB_PREFIX ?? 'scale'}-nginx-`));
  // nginx's workers run as nobody under root: they write request bodies under this folder.
  await chmod(nginxDir, 0o755);
  await smtp.start();
  config = testConfig({ MEDIA_DIR: media });
  // In this process: seeding through the real services, and reading the database and queues.
  app = await createTestApp(config);
  dataSource = app.get(DataSource);
  ledger = await JobLedger.start(config);
  const env = platformEnv(media, smtp);
  for (let i = 0; i < 2; i += 1) apis.push(await ApiProcess.start(env));
  for (let i = 0; i < 2; i += 1) workers.push(await WorkerProcess.start(env));
  nginx = await Nginx.start(
    binary,
    nginxDir,
    apis.map((api) => api.base),
  );
}, 240_000);

afterAll(async () => {
  const upstreamErrors = (nginx?.errorLog() ?? '')
    .split('\n')
    .filter((line) => /upstream/.test(line));
  figures.push(
    `  nginx logged ${upstreamErrors.length} upstream errors`,
    ...upstreamErrors.slice(0, 20),
  );
  process.stdout.write(`\n${figures.join('\n')}\n\n`);
  await nginx?.stop();
  await Promise.allSettled(workers.map((worker) => worker.terminate()));
  await Promise.allSettled(apis.map((api) => api.terminate()));
  await ledger?.close();
  if (config) await removeQueueKeys(config);
  await app?.close();
  await smtp.stop();
  if (media) await removeMediaDir(media);
  if (nginxDir) await rm(nginxDir, { recursive: true, force: true });
}, 120_000);

const sleepUntil = (at: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/**
 * Answers per api process: the last upstream nginx names is the one that answered (a request it
 * passed on from a closed one names both).
 */
const byUpstream = (answers: { upstream: string }[]) => {
  const counts = new Map<string, number>();
  for (const { upstream } of answers) {
    const answered = upstream.split(', ').at(-1) ?? '';
    counts.set(answered, (counts.get(answered) ?? 0) + 1);
  }
  return counts;
};

it('keeps a session valid on both api processes', async () => {
  const [a, b] = apis.map((api) => new HttpClient(api.base));
  const through = new HttpClient(nginx!.base);
  const signedIn = await through.post('/api/v1/auth/login', {
    body: { email: config.admin.email, password: config.admin.password },
  });
  expect(signedIn.status).toBe(200);
  const { accessToken, refreshToken } = signedIn.body as {
    accessToken: string;
    refreshToken: string;
  };
  expect((await a!.get('/api/v1/me', { token: accessToken })).status).toBe(200);
  expect((await b!.get('/api/v1/me', { token: accessToken })).status).toBe(200);
  // Refreshed on one, the new pair works on the other, and the spent token is refused there.
  const refreshed = await a!.post('/api/v1/auth/refresh', { body: { refreshToken } });
  expect(refreshed.status).toBe(200);
  const next = refreshed.body as { accessToken: string; refreshToken: string };
  expect((await b!.get('/api/v1/me', { token: next.accessToken })).status).toBe(200);
  expect((await b!.post('/api/v1/auth/refresh', { body: { refreshToken } })).status).toBe(401);
  // Presenting a spent token ends the whole sign-in, on both.
  const ended = await a!.post('/api/v1/auth/refresh', {
    body: { refreshToken: next.refreshToken },
  });
  expect(ended.status).toBe(401);
  // Through nginx, requests reach both.
  const seen = new Set<string>();
  for (let i = 0; i < 6; i += 1) {
    const answer = await fetch(`${nginx!.base}/api/v1/courses`);
    seen.add(answer.headers.get('x-upstream') ?? '');
  }
  expect(seen.size).toBe(2);
});

it('shares sign-in limits between the api processes', async () => {
  const [a, b] = apis.map((api) => new HttpClient(api.base));
  const email = `khong.ai.${Date.now()}@example.vn`;
  const statuses: number[] = [];
  // Alternating: a per-process count would let 2 × LOGIN_MAX_PER_ACCOUNT_AND_IP through.
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const client = attempt % 2 === 0 ? a! : b!;
    const answer = await client.post('/api/v1/auth/login', {
      body: { email, password: 'khong-dung-mat-khau' },
    });
    statuses.push(answer.status);
  }
  const allowed = config.auth.login.maxPerAccountAndIp;
  expect(statuses).toEqual([
    ...Array<number>(allowed).fill(401),
    ...Array<number>(8 - allowed).fill(429),
  ]);
  figures.push(
    `rate limit: ${allowed} wrong passwords allowed across both apis, then ${statuses.slice(allowed).join(', ')}`,
  );
});

it('runs a mixed load through nginx while one api is taken out and stopped and one worker gets SIGTERM', async () => {
  const plan = await seed();
  load = new MixedLoad({ ...plan, base: nginx!.base, browsers: BROWSERS, durationMs: LOAD_MS });
  events.loadAverage[0] = loadavg()[0]!;
  events.loadStarted = Date.now();
  const running = load.run();
  await sleepUntil(events.loadStarted + LOAD_MS * TERMINATE_API_AT);
  // As an operator (or an orchestrator's pre-stop hook) does: out of the balancer first.
  events.apiTakenOut.at = Date.now();
  await nginx!.takeOut(apis[0]!.base);
  events.apiTakenOut.tookMs = Date.now() - events.apiTakenOut.at;
  events.apiTerminated.at = Date.now();
  const api = await apis[0]!.terminate();
  events.apiTerminated.tookMs = Date.now() - events.apiTerminated.at;
  events.apiTerminated.how = api.signal ?? `exit ${api.code}`;
  await sleepUntil(events.loadStarted + LOAD_MS * TERMINATE_WORKER_AT);
  events.workerTerminated.activeJobs = await activeJobs();
  events.workerTerminated.at = Date.now();
  const worker = await workers[0]!.terminate();
  events.workerTerminated.tookMs = Date.now() - events.workerTerminated.at;
  events.workerTerminated.how = worker.signal ?? `exit ${worker.code}`;
  await running;
  events.loadEnded = Date.now();
  await waitForQueues(app, { timeout: 120_000, interval: 200 });
  events.drainedMs = Date.now() - events.loadEnded;
  events.loadAverage[1] = loadavg()[0]!;
  summarize();
  // Both ended on their own signal (Nest raises it again once closed), in bounded time.
  expect([api.signal, worker.signal]).toEqual(['SIGTERM', 'SIGTERM']);
}, 300_000);

it('fails no request: the api left the balancer before its SIGTERM', () => {
  // A worker serves no HTTP; the api was stopped once nginx sent it nothing more.
  expect(load.failures().slice(0, 10)).toEqual([]);
  // Both answered before it was taken out; once nginx's old workers were gone, only the other.
  const before = byUpstream(load.answers.filter((answer) => answer.at < events.apiTakenOut.at));
  const after = byUpstream(
    load.answers.filter((answer) => answer.at > events.apiTakenOut.at + events.apiTakenOut.tookMs),
  );
  expect(before.size).toBe(2);
  expect([...after.keys()]).toEqual([new URL(apis[1]!.base).host]);
});

it('stores every acknowledged write', async () => {
  const { enrollments, progress, attendances, videos } = load.acknowledged;
  const stored = await dataSource.query<{ id: string; user_id: string; course_id: string }[]>(
    'SELECT `id`, `user_id`, `course_id` FROM `enrollments` WHERE `user_id` IN (?)',
    [learners.map((learner) => learner.userId)],
  );
  expect(new Map(stored.map((row) => [`${row.user_id}:${row.course_id}`, row.id]))).toEqual(
    enrollments,
  );
  const rows = await dataSource.query<
    { enrollment_id: string; lesson_id: string; revision: number; watched_seconds: number }[]
  >(
    // Video lessons: an attendance records progress of its television lesson too.
    'SELECT `enrollment_id`, `lesson_id`, `revision`, `watched_seconds` FROM `lesson_progress` ' +
      'WHERE `lesson_id` IN (?)',
    [videoLessonIds],
  );
  expect(
    new Map(
      rows.map((row) => [
        `${row.enrollment_id}:${row.lesson_id}`,
        { reports: Number(row.revision), watchedSeconds: Number(row.watched_seconds) },
      ]),
    ),
  ).toEqual(progress);
  const attended = await dataSource.query<{ user_id: string }[]>(
    'SELECT `user_id` FROM `broadcast_attendances`',
  );
  expect(new Set(attended.map((row) => row.user_id))).toEqual(attendances);
  expect(videos.length).toBeGreaterThan(0);
  const ready = await dataSource.query<{ id: string; status: string }[]>(
    'SELECT `id`, `status` FROM `videos` WHERE `id` IN (?)',
    [videos],
  );
  expect(ready.map((row) => row.status)).toEqual(videos.map(() => 'ready'));
});

it('runs every job once: each outbox event relayed once, each of its jobs completed once', async () => {
  const jobs = ledger!;
  expect(jobs.completedTwice()).toEqual([]);
  expect(jobs.failed).toEqual([]);
  for (const queue of QUEUE_NAMES)
    expect([queue, await app.get(JobQueue).queue(queue).getJobCounts('failed', 'active')]).toEqual([
      queue,
      { failed: 0, active: 0 },
    ]);
  const outbox = await dataSource.query<
    { id: string; type: OutboxEventType; attempts: number; dispatched_at: Date | null }[]
  >('SELECT `id`, `type`, `attempts`, `dispatched_at` FROM `outbox_events`');
  expect(outbox.length).toBeGreaterThan(0);
  const missed: string[] = [];
  for (const event of outbox) {
    if (event.dispatched_at === null || Number(event.attempts) !== 1)
      missed.push(`${event.id} ${event.type} not relayed once`);
    for (const route of EVENT_ROUTES[event.type]) {
      const key = `${JOBS[route.job].queue}:${outboxJobId(event.id, route.job)}`;
      if (jobs.completed.get(key) !== 1)
        missed.push(`${key} completed ${jobs.completed.get(key) ?? 0} times`);
    }
  }
  expect(missed.slice(0, 10)).toEqual([]);
  // The jobs running when the worker got SIGTERM finished (there or, handed over, elsewhere).
  expect(events.workerTerminated.activeJobs.filter((key) => jobs.completed.get(key) !== 1)).toEqual(
    [],
  );
  // Its certificates: one per completed enrollment, whichever worker issued it.
  const [{ completed }] = await dataSource.query<[{ completed: string }]>(
    'SELECT COUNT(*) AS `completed` FROM `enrollments` WHERE `completed_at` IS NOT NULL',
  );
  const [{ certificates, enrollments }] = await dataSource.query<
    [{ certificates: string; enrollments: string }]
  >(
    'SELECT COUNT(*) AS `certificates`, COUNT(DISTINCT `enrollment_id`) AS `enrollments` FROM `certificates`',
  );
  expect([Number(certificates), Number(enrollments)]).toEqual([
    Number(completed),
    Number(completed),
  ]);
});

it('runs each tick of a recurring job once, though both workers registered its scheduler', () => {
  const ticks = ledger!
    .ids('default', 'repeat:outbox.relay:')
    .map((id) => Number(id.slice('repeat:outbox.relay:'.length)));
  const slots = new Set(ticks.map((at) => Math.round(at / RELAY_MS)));
  expect(slots.size).toBe(ticks.length);
  const spanMs = events.loadEnded + events.drainedMs - events.loadStarted;
  // At most one per interval; and it went on after a worker stopped (the machine is loaded).
  expect(ticks.length).toBeLessThanOrEqual(Math.ceil(spanMs / RELAY_MS) + 10);
  expect(ticks.filter((at) => at > events.workerTerminated.at).length).toBeGreaterThan(0);
});

it('sends every email once', () => {
  const seen = new Map<string, number>();
  for (const { recipients, mail } of smtp.received) {
    const key = `${recipients.join(',')}|${mail.subject ?? ''}|${mail.text ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  expect(smtp.received.length).toBeGreaterThan(0);
  expect([...seen].filter(([, count]) => count > 1).map(([key]) => key.split('|')[0])).toEqual([]);
});

/** The run's queues, schedulers and rate-limit counts (its own prefix) go with it. */
async function removeQueueKeys({ redis: { url }, queues: { prefix } }: AppConfig): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** `<queue>:<job id>` of every job running now. */
async function activeJobs(): Promise<string[]> {
  const keys: string[] = [];
  for (const queue of QUEUE_NAMES)
    for (const job of await app.get(JobQueue).queue(queue).getJobs(['active']))
      if (job.id) keys.push(`${queue}:${job.id}`);
  return keys;
}

/** Courses, an airing on now, learners with tokens, and lessons to upload videos to. */
async function seed(): Promise<{
  learners: Learner[];
  videoCourses: VideoCourse[];
  airing: Airing;
  uploads: { token: string; lessonIds: string[]; file: string };
}> {
  admin = await person(app, 'quan-tri', { role: 'admin', scopeType: null, scopeId: null });
  const facilityId = await facility(app, admin.principal);
  const videoCourses: VideoCourse[] = [];
  for (let i = 0; i < VIDEO_COURSES; i += 1) {
    const { courseId, lessonIds } = await buildCourse(app, admin.principal, facilityId, {
      lessons: [{ title: `Bài giảng ${i + 1}`, kind: 'video', durationSeconds: VIDEO_SECONDS }],
    });
    videoCourses.push({ courseId, lessonId: lessonIds[0]!, reports: VIDEO_SECONDS / 5 });
  }
  videoLessonIds = videoCourses.map((course) => course.lessonId);
  const television = await buildCourse(app, admin.principal, facilityId, {
    lessons: [{ title: 'Bài học trên truyền hình', kind: 'television' }],
  });
  const airing = await airNow(television.courseId, television.lessonIds[0]!);
  const drafts = await buildCourse(app, admin.principal, facilityId, {
    publish: false,
    lessons: Array.from({ length: UPLOADS }, (_, i) => ({
      title: `Video tải lên ${i + 1}`,
      kind: 'video' as const,
    })),
  });
  const ids = await insertLearners(dataSource, LEARNERS);
  const emails = await dataSource.query<{ id: string; email: string }[]>(
    'SELECT `id`, `email` FROM `users` WHERE `id` IN (?)',
    [ids],
  );
  learners = [];
  for (const { id, email } of emails)
    learners.push({ userId: id, email, token: await app.get(AccessTokenService).issue(id) });
  return {
    learners,
    videoCourses,
    airing,
    uploads: { token: admin.token, lessonIds: drafts.lessonIds, file: await fixture('short4s') },
  };
}

/** A channel and an airing of `lessonId` that started a minute ago, made over HTTP. */
async function airNow(courseId: string, lessonId: string): Promise<Airing> {
  const http = new HttpClient(nginx!.base);
  const channel = await http.post('/api/v1/channels', {
    token: admin.token,
    body: { code: `KENH-${Date.now() % 100000}`, name: 'Kênh giáo dục thử' },
  });
  expect(channel.status).toBe(201);
  const now = Date.now();
  const created = await http.post('/api/v1/broadcasts', {
    token: admin.token,
    body: {
      channelId: channel.body.id,
      lessonId,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 30 * 60_000).toISOString(),
    },
  });
  expect(created.status).toBe(201);
  return {
    courseId,
    broadcastId: created.body.id as string,
    code: created.body.attendanceCode as string,
  };
}

/** The figures of the run, printed at the end (docs/operations.md holds a run's). */
function summarize(): void {
  const answers = load.answers;
  const seconds = (events.loadEnded - events.loadStarted) / 1000;
  const percentile = (values: number[], share: number) =>
    [...values].sort((x, y) => x - y)[
      Math.min(values.length - 1, Math.floor(values.length * share))
    ] ?? 0;
  const lines = [
    `two of everything: 2 apis behind nginx, 2 workers, ${LEARNERS} learners + ${BROWSERS} readers + 1 uploader, ${seconds.toFixed(1)} s`,
    `  load average ${events.loadAverage[0]!.toFixed(1)} at start, ${events.loadAverage[1]!.toFixed(1)} at end`,
    `  requests: ${answers.length} (${(answers.length / seconds).toFixed(0)}/s), failed: ${load.failures().length}; sent again as nginx closed an idle keep-alive connection under them: ${load.resent}`,
  ];
  for (const operation of [
    'browse',
    'enroll',
    'progress',
    'attendance',
    'attendance-wrong',
    'upload',
  ] as const) {
    const mine = answers.filter((answer) => answer.operation === operation);
    const ms = mine.map((answer) => answer.ms);
    lines.push(
      `    ${operation.padEnd(17)} ${String(mine.length).padStart(6)}  p50 ${percentile(ms, 0.5)} ms  p95 ${percentile(ms, 0.95)} ms  p99 ${percentile(ms, 0.99)} ms`,
    );
  }
  const upstreams = byUpstream(answers);
  const beforeOut = byUpstream(answers.filter((answer) => answer.at < events.apiTakenOut.at));
  lines.push(
    `  answered by: ${[...upstreams].map(([host, count]) => `${host} ${count}`).join(', ')}; passed on by nginx from one to the other: ${answers.filter((answer) => answer.upstream.includes(', ')).length}`,
    `  before the api was taken out of nginx: ${[...beforeOut].map(([host, count]) => `${host} ${count}`).join(', ')}`,
    `  api taken out at ${((events.apiTakenOut.at - events.loadStarted) / 1000).toFixed(1)} s: nginx's old workers gone after ${events.apiTakenOut.tookMs} ms`,
    `  api SIGTERM at ${((events.apiTerminated.at - events.loadStarted) / 1000).toFixed(1)} s: exited (${events.apiTerminated.how}) after ${events.apiTerminated.tookMs} ms`,
    `  worker SIGTERM at ${((events.workerTerminated.at - events.loadStarted) / 1000).toFixed(1)} s with ${events.workerTerminated.activeJobs.length} jobs running: exited (${events.workerTerminated.how}) after ${events.workerTerminated.tookMs} ms`,
    `  queues drained ${(events.drainedMs / 1000).toFixed(1)} s after the load`,
  );
  const jobs = ledger!;
  const perQueue = QUEUE_NAMES.map((queue) => `${queue} ${jobs.count(queue)}`).join(', ');
  lines.push(
    `  jobs completed: ${perQueue}; twice: ${jobs.completedTwice().length}; failed: ${jobs.failed.length}; stalled (handed over): ${jobs.stalled.length}`,
    `  outbox.relay ticks: ${jobs.ids('default', 'repeat:outbox.relay:').length} (every ${RELAY_MS} ms)`,
    `  acknowledged: ${load.acknowledged.enrollments.size} enrollments, ${[...load.acknowledged.progress.values()].reduce((sum, { reports }) => sum + reports, 0)} progress reports, ${load.acknowledged.attendances.size} attendances, ${load.acknowledged.videos.length} uploads; emails received: ${smtp.received.length}`,
  );
  figures.push(...lines);
}
