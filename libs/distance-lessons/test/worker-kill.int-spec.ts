import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
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

/**
 * Short locks and checks, so a dead worker's job goes to the next one within seconds; long enough
 * that a live worker on a busy machine keeps its lock.
 */
const HANDOVER = { WORKER_LOCK_DURATION_MS: '5000', WORKER_STALLED_INTERVAL_MS: '2000' };

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

/** The programs (ffprobe, ffmpeg) running with `path` on their command line. */
async function reading(path: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const argv = await readFile(`/proc/${pid}/cmdline`, 'utf8').then(
      (line) => line.split('\0'),
      (): string[] => [],
    );
    if (argv.includes(path)) found.push(basename(argv[0]!));
  }
  return found;
}

/** The HLS segments a transcode run has written so far in its scratch folder. */
async function segmentsAtWork(videoId: string): Promise<string[]> {
  const entries = await readdir(join(dir, '.work', videoId), { recursive: true }).catch(
    (): string[] => [],
  );
  return entries.filter((entry) => entry.endsWith('.ts'));
}

async function progressOf(videoId: string): Promise<number> {
  const [row] = await app
    .get(DataSource)
    .query<{ p: number }[]>('SELECT `progress_percent` AS `p` FROM `videos` WHERE `id` = ?', [
      videoId,
    ]);
  return Number(row?.p ?? 0);
}

it('hands the transcode of a worker killed mid-job to the next worker: one ready video, every rendition plays, one email', async () => {
  const upload = await uploadVideo(
    base,
    world.instructor.token,
    world.videoLessonId,
    await readFile(await fixture('streamable10s')),
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

  // The stored source is swapped for a named pipe before any worker runs, and the test hands
  // the bytes to whoever reads it: all of them to ffprobe, then eight tenths to ffmpeg, which
  // encodes those, writes the first segment of each rendition, and waits for the rest. The
  // worker dies there, in the middle of the encode, ffmpeg with it.
  const source = join(dir, 'videos', videoId, 'source');
  const bytes = await readFile(source);
  await rename(source, `${source}.aside`);
  await makeNamedPipe(source);
  const first = await workerOn('media-transcode,default');
  let firstAlive = true;
  try {
    const probing = await holdReader(source, { timeout: 45_000 });
    await probing.feed(bytes);
    await probing.release();
    await eventually('ffprobe to finish', async () =>
      (await reading(source)).includes('ffprobe') ? undefined : true,
    );
    const encoding = await holdReader(source, { timeout: 20_000 });
    try {
      expect(await reading(source)).toEqual(['ffmpeg']);
      await encoding.feed(bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      await eventually('the encode to be under way', async () =>
        (await progressOf(videoId)) > 0 && (await segmentsAtWork(videoId)).length >= 2
          ? true
          : undefined,
      );
      await first.kill();
      firstAlive = false;
    } finally {
      await encoding.release();
    }
  } finally {
    if (firstAlive) await first.kill();
  }
  const halfway = await status();
  expect(halfway).toMatchObject({ status: 'processing' });
  expect(halfway.progressPercent).toBeGreaterThan(0);
  expect(halfway.progressPercent).toBeLessThan(100);
  expect((await segmentsAtWork(videoId)).length).toBeGreaterThanOrEqual(2);
  expect(existsSync(join(dir, 'videos', videoId, 'hls'))).toBe(false);
  const transcodes = app.get(JobQueue).queue('media-transcode');
  // The queue's other jobs (scheduled sweeps) come and go; this job is the one to follow.
  const transcodeJobs = async () =>
    (await transcodes.getJobs(['active', 'wait', 'delayed', 'completed', 'failed'])).filter(
      (job) => job.name === 'media.transcode-video',
    );
  const [running, ...besides] = await transcodeJobs();
  expect(besides).toEqual([]);
  expect(await running!.getState()).toBe('active');
  await rm(source);
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
    // The whole video, not the part the dead worker had: every segment, decoded through the
    // rendition's playlist as a player reads it.
    const playlist = await readFile(join(hls, name, 'index.m3u8'), 'utf8');
    const seconds = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].reduce(
      (sum, [, length]) => sum + Number(length),
      0,
    );
    expect(seconds).toBeCloseTo(10, 0);
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
  const [job, ...others] = await transcodeJobs();
  expect(others).toEqual([]);
  expect(job).toMatchObject({
    name: 'media.transcode-video',
    stalledCounter: 1,
    returnvalue: { status: 'ready', durationSeconds: 10 },
  });
}, 120_000);
