import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig, JobQueue } from '@lifelong/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../../apps/api/src/create-app';
import { testConfig } from '../../../test/setup/test-env';
import {
  baseUrl,
  call,
  lessonWorld,
  type LessonWorld,
  uploadVideo,
} from '../../../test/support/distance-lessons';
import { eventually, waitForQueues } from '../../../test/support/e2e';
import {
  decodes,
  fixture,
  mediaDir,
  probeStreams,
  removeMediaDir,
} from '../../../test/support/media-fixtures';
import { holdReader, makeNamedPipe } from '../../../test/support/named-pipe';
import { SmtpTestServer } from '../../../test/support/smtp-test-server';
import { WorkerProcess } from '../../../test/support/worker-process';

/** Short locks and checks, so a dead worker's job goes to the next one within seconds. */
const HANDOVER = { WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };

let dir: string;
let config: AppConfig;
let app: NestFastifyApplication;
let base: string;
let world: LessonWorld;
const smtp = new SmtpTestServer();

beforeAll(async () => {
  dir = await mediaDir();
  await smtp.start();
  config = testConfig({ MEDIA_DIR: dir, TRANSCODE_PRESET: 'ultrafast' });
  app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = await baseUrl(app);
  world = await lessonWorld(app);
});

afterAll(async () => {
  await app?.close();
  await smtp.stop();
  await removeMediaDir(dir);
});

/** A worker on this file's storage, taking `queues`. */
const workerOn = (queues: string, env: Record<string, string> = {}): Promise<WorkerProcess> =>
  WorkerProcess.start({
    MEDIA_DIR: dir,
    WORKER_QUEUES: queues,
    TRANSCODE_PRESET: 'ultrafast',
    OUTBOX_RELAY_INTERVAL_MS: '100',
    LOG_LEVEL: 'silent',
    ...HANDOVER,
    ...env,
  });

it('hands the transcode of a worker killed mid-job to the next worker: one ready video, every rendition plays, one email', async () => {
  const upload = await uploadVideo(
    base,
    world.instructor.token,
    world.videoLessonId,
    await readFile(await fixture('lesson10s')),
  );
  expect(upload.status).toBe(202);
  const videoId = String(upload.body.videoId);
  const status = async () =>
    (await call(base, 'GET', `/api/v1/videos/${videoId}`, world.instructor.token)).body;
  const [{ email }] = await app
    .get(DataSource)
    .query<[{ email: string }]>('SELECT `email` FROM `users` WHERE `id` = ?', [
      world.instructor.userId,
    ]);

  // The stored source is swapped for a named pipe before any worker runs: the first worker
  // claims the video, opens its scratch folder and stops in ffprobe, reading a file that never
  // comes. It dies there, ffprobe with it.
  const source = join(dir, 'videos', videoId, 'source');
  await rename(source, `${source}.aside`);
  await makeNamedPipe(source);
  const first = await workerOn('media-transcode,default');
  let firstAlive = true;
  try {
    const held = await holdReader(source, { timeout: 45_000 });
    try {
      await first.kill();
      firstAlive = false;
    } finally {
      await held.release();
    }
  } finally {
    if (firstAlive) await first.kill();
  }
  expect(await status()).toMatchObject({ status: 'processing' });
  expect(existsSync(join(dir, '.work', videoId))).toBe(true);
  expect(existsSync(join(dir, 'videos', videoId, 'hls'))).toBe(false);
  const transcodes = app.get(JobQueue).queue('media-transcode');
  expect(await transcodes.getJobCounts('active', 'completed', 'failed', 'delayed')).toEqual({
    active: 1,
    completed: 0,
    failed: 0,
    delayed: 0,
  });
  await rename(`${source}.aside`, source);

  // Nobody runs the job again by hand: the next worker finds its lock lapsed and takes it over.
  const second = await workerOn('media-transcode,notifications,default', { SMTP_URL: smtp.url });
  try {
    await eventually(
      'the video ready from the second worker',
      async () => ((await status()).status === 'ready' ? true : undefined),
      { timeout: 45_000 },
    );
    await smtp.waitFor(1, email, 20_000);
    await waitForQueues(app, { timeout: 20_000 });
  } finally {
    await second.kill();
  }

  const ready = await status();
  expect(ready).toMatchObject({ status: 'ready', progressPercent: 100, durationSeconds: 10 });
  const renditions = (ready.renditions as { name: string; height: number }[]).map((r) => r.height);
  expect(renditions).toEqual([240, 360]);
  const hls = join(dir, 'videos', videoId, 'hls');
  const master = await readFile(join(hls, 'master.m3u8'), 'utf8');
  for (const name of ['240p', '360p']) {
    expect(master).toContain(`${name}/index.m3u8`);
    // Every segment of the rendition, decoded through its playlist as a player reads it.
    await decodes(join(hls, name, 'index.m3u8'));
    const [video] = (await probeStreams(join(hls, name, 'index.m3u8'))).filter(
      (stream) => stream.codec_type === 'video',
    );
    expect(video).toMatchObject({ height: Number.parseInt(name, 10) });
  }
  expect(existsSync(join(dir, '.work', videoId))).toBe(false);
  const readyEvents = await app
    .get(DataSource)
    .query<unknown[]>("SELECT `id` FROM `outbox_events` WHERE `type` = 'video.ready'");
  expect(readyEvents).toHaveLength(1);
  expect(smtp.to(email).map((message) => message.mail.subject)).toEqual([
    expect.stringMatching(/sẵn sàng/) as unknown,
  ]);

  // One job, run twice: the dead worker's run stalled, the second worker's published.
  const [job, ...others] = await transcodes.getJobs(['completed', 'failed', 'active', 'wait']);
  expect(others).toEqual([]);
  expect(job).toMatchObject({
    name: 'media.transcode-video',
    stalledCounter: 1,
    returnvalue: { status: 'ready', durationSeconds: 10 },
  });
}, 120_000);
