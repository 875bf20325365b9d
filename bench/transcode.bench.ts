import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, setPriority } from 'node:os';
import { join } from 'node:path';
import { type AppConfig } from '@lifelong/common';
import {
  encodeArgs,
  MediaTools,
  planLadder,
  TranscodeVideo,
  VideoUploads,
} from '@lifelong/distance-lessons';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/create-app';
import { testConfig } from '../test/setup/test-env';
import { baseUrl, lessonWorld, type LessonWorld } from '../test/support/distance-lessons';
import { fixture, mediaDir, removeMediaDir } from '../test/support/media-fixtures';

const PIPELINE_LIMIT = 1.1;
const THROUGHPUT_LIMIT = 0.5;
const LOAD_SECONDS = 6;
const LOAD_CONNECTIONS = 8;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** Requests per second a cheap route answers, from LOAD_CONNECTIONS loops for LOAD_SECONDS. */
async function requestsPerSecond(url: string): Promise<number> {
  const until = Date.now() + LOAD_SECONDS * 1000;
  let done = 0;
  const loop = async (): Promise<void> => {
    while (Date.now() < until) {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) done += 1;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: LOAD_CONNECTIONS }, loop));
  return done / seconds(started);
}

/** The bare ffmpeg command for the same plan, run the way an operator would by hand. */
async function bareFfmpeg(config: AppConfig, args: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(config.media.ffmpegPath, args, { stdio: 'ignore' });
    if (child.pid !== undefined) setPriority(child.pid, config.media.transcode.niceness);
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}`))));
  });
  return seconds(started);
}

describe('transcode benchmark', () => {
  let dir: string;
  let config: AppConfig;
  let app: NestFastifyApplication;
  let world: LessonWorld;

  const upload = async (source: string): Promise<string> => {
    const uploads = app.get(VideoUploads);
    const target = await uploads.target(world.instructor.principal, world.videoLessonId);
    return (await uploads.acceptStream(target, createReadStream(source), 'bench.mp4')).videoId;
  };

  beforeAll(async () => {
    dir = await mediaDir();
    config = testConfig({
      MEDIA_DIR: dir,
      TRANSCODE_PRESET: process.env.TRANSCODE_PRESET ?? 'veryfast',
    });
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    world = await lessonWorld(app);
  });

  afterAll(async () => {
    await app.close();
    await removeMediaDir(dir);
  });

  it('compares the pipeline with bare ffmpeg, and the api with and without a transcode', async () => {
    const source = await fixture('bench720p');
    const health = `${await baseUrl(app)}/health`;
    const loadBefore = loadavg()[0]!;
    await requestsPerSecond(health); // warm-up: JIT, keep-alive sockets, pools
    const idleBefore = await requestsPerSecond(health);

    const decision = planLadder(await app.get(MediaTools).probe(source));
    if (!decision.ok) throw new Error(decision.reason);
    const preset = config.media.transcode.preset;
    const bare = async (): Promise<number> => {
      const outputDir = await mkdtemp(join(dir, 'bare-'));
      const time = await bareFfmpeg(
        config,
        encodeArgs(decision.plan, { input: source, outputDir, preset }),
      );
      await rm(outputDir, { recursive: true, force: true });
      return time;
    };
    const pipeline = async (
      during?: () => Promise<number>,
    ): Promise<{ time: number; busy?: number }> => {
      const videoId = await upload(source);
      const started = process.hrtime.bigint();
      const run = app.get(TranscodeVideo).run(videoId);
      const busy = during ? await during() : undefined;
      expect((await run).status).toBe('ready');
      return { time: seconds(started), busy };
    };

    // Interleaved (bare, ours, bare, ours) so drifting load on a shared machine hits both alike.
    const bareTimes = [await bare()];
    const ours = [(await pipeline()).time];
    bareTimes.push(await bare());
    const measured = await pipeline(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return requestsPerSecond(health);
    });
    ours.push(measured.time);
    const busy = measured.busy ?? 0;
    // Idle measured on both sides of the runs, as other work on the machine comes and goes.
    const idle = (idleBefore + (await requestsPerSecond(health))) / 2;

    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    const pipelineRatio = sum(ours) / sum(bareTimes);
    const throughputRatio = busy / idle;
    const list = (values: number[]): string => values.map((v) => `${v.toFixed(2)} s`).join(', ');
    process.stdout.write(
      [
        '',
        `transcode: 60 s 1280x720 source → ${decision.plan.renditions.map((r) => r.name).join(', ')} (x264 ${preset}, nice ${config.media.transcode.niceness}), load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
        `  pipeline (probe, plan, encode, publish, mark ready): ${list(ours)} (the second under the request load below)`,
        `  bare ffmpeg, same outputs:                            ${list(bareTimes)}`,
        `  ratio pipeline / bare: ${pipelineRatio.toFixed(3)} (goal ≤ ${PIPELINE_LIMIT}): ${pipelineRatio <= PIPELINE_LIMIT ? 'met' : 'NOT met'}`,
        `  GET /health, ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s: ${idle.toFixed(0)} req/s idle, ${busy.toFixed(0)} req/s while transcoding`,
        `  ratio busy / idle: ${throughputRatio.toFixed(2)} (goal ≥ ${THROUGHPUT_LIMIT}): ${throughputRatio >= THROUGHPUT_LIMIT ? 'met' : 'NOT met'}`,
        '',
      ].join('\n') + '\n',
    );
    expect(sum(bareTimes)).toBeGreaterThan(0);
  });
});
