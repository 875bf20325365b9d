import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig, type JobContext } from '@lifelong/common';
import { type CourseError, CourseOutline, CoursePublishing } from '@lifelong/courses';
import { TranscodeVideo } from '@lifelong/distance-lessons';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { createApp } from '../../../apps/api/src/create-app';
import { testConfig } from '../../../test/setup/test-env';
import { TranscodeVideoJob } from '../src/transcode/transcode-video.job';
import {
  baseUrl,
  call,
  lessonWorld,
  type LessonWorld,
  uploadVideo,
} from '../../../test/support/distance-lessons';
import {
  decodes,
  fixture,
  type FixtureName,
  mediaDir,
  probeStreams,
  removeMediaDir,
  truncated,
} from '../../../test/support/media-fixtures';

const context = (attempt = 1): JobContext => ({
  jobId: 'test',
  jobName: 'media.transcode-video',
  attempt,
  reportProgress: () => Promise.resolve(),
});

describe('transcoding a lesson video', () => {
  let dir: string;
  let config: AppConfig;
  let app: NestFastifyApplication;
  let base: string;
  let world: LessonWorld;
  let job: TranscodeVideoJob;

  const upload = async (bytes: Buffer, name = 'clip.mp4'): Promise<string> => {
    const response = await uploadVideo(
      base,
      world.instructor.token,
      world.videoLessonId,
      bytes,
      name,
    );
    expect(response.status).toBe(202);
    return String(response.body.videoId);
  };
  const uploadFixture = async (name: FixtureName): Promise<string> =>
    upload(await readFile(await fixture(name)));
  const status = async (videoId: string) =>
    (await call(base, 'GET', `/api/v1/videos/${videoId}`, world.instructor.token)).body;
  const events = async (type: string): Promise<Record<string, unknown>[]> =>
    (
      await app
        .get(DataSource)
        .query<{ payload: unknown }[]>(
          'SELECT payload FROM outbox_events WHERE type = ? ORDER BY id',
          [type],
        )
    ).map(
      (row) =>
        (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
          string,
          unknown
        >,
    );
  const hls = (videoId: string, ...path: string[]): string =>
    join(dir, 'videos', videoId, 'hls', ...path);

  beforeAll(async () => {
    dir = await mediaDir();
    config = testConfig({ MEDIA_DIR: dir, TRANSCODE_PRESET: 'ultrafast' });
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await baseUrl(app);
    world = await lessonWorld(app);
    job = new TranscodeVideoJob(app.get(TranscodeVideo));
  });

  afterAll(async () => {
    await app.close();
    await removeMediaDir(dir);
  });

  it('publishes HLS and a poster, readies the lesson with its duration, and tells the uploader', async () => {
    const videoId = await uploadFixture('short4s');
    await expect(
      app.get(CoursePublishing).publish(world.instructor.principal, world.courseId),
    ).rejects.toMatchObject({
      code: 'COURSE_NOT_READY',
    } satisfies Partial<CourseError>);

    const outcome = await job.run({ videoId }, context());

    expect(outcome).toMatchObject({ status: 'ready', durationSeconds: 4 });
    expect(await status(videoId)).toEqual({
      id: videoId,
      status: 'ready',
      progressPercent: 100,
      durationSeconds: 4,
      renditions: [{ height: 180, bandwidth: expect.any(Number) as unknown }],
      error: null,
    });
    const master = await readFile(hls(videoId, 'master.m3u8'), 'utf8');
    expect(master).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,RESOLUTION=320x180/);
    expect(await readFile(hls(videoId, '180p', 'index.m3u8'), 'utf8')).toMatch(
      /#EXT-X-TARGETDURATION:[4-6]\n/,
    );
    expect((await stat(hls(videoId, 'poster.jpg'))).size).toBeGreaterThan(0);
    await decodes(hls(videoId, '180p', 'seg_00000.ts'));
    expect(await app.get(CourseOutline).lesson(world.videoLessonId)).toMatchObject({
      videoId,
      videoReady: true,
      durationSeconds: 4,
    });
    expect(await events('video.ready')).toEqual([
      {
        videoId,
        lessonId: world.videoLessonId,
        courseId: world.courseId,
        uploadedBy: world.instructor.userId,
        lessonTitle: 'Bài giảng 1',
        courseTitle: 'Học tập suốt đời',
      },
    ]);
    await expect(
      app.get(CoursePublishing).publish(world.instructor.principal, world.courseId),
    ).resolves.toMatchObject({
      status: 'published',
    });
    expect(await readdir(join(dir, '.work'))).toEqual([]);
  });

  it('does nothing when a finished job runs again', async () => {
    const [{ id: videoId } = { id: '' }] = await app
      .get(DataSource)
      .query<{ id: string }[]>("SELECT id FROM videos WHERE status = 'ready' LIMIT 1");
    const before = await stat(hls(videoId, 'master.m3u8'));
    expect(await job.run({ videoId: videoId }, context(2))).toEqual({
      status: 'skipped',
      because: 'ready',
    });
    expect((await stat(hls(videoId, 'master.m3u8'))).mtimeMs).toBe(before.mtimeMs);
    expect(await events('video.ready')).toHaveLength(1);
  });

  it('keeps the ready video playing while its replacement is processed, then removes it', async () => {
    const [{ id: old } = { id: '' }] = await app
      .get(DataSource)
      .query<{ id: string }[]>("SELECT id FROM videos WHERE status = 'ready' LIMIT 1");
    const replacement = await uploadFixture('noAudio');
    expect(await app.get(CourseOutline).lesson(world.videoLessonId)).toMatchObject({
      videoId: old,
      videoReady: true,
    });
    expect(await job.run({ videoId: replacement }, context())).toMatchObject({
      status: 'ready',
      durationSeconds: 2,
    });
    expect(await app.get(CourseOutline).lesson(world.videoLessonId)).toMatchObject({
      videoId: replacement,
      durationSeconds: 2,
    });
    expect(existsSync(join(dir, 'videos', old))).toBe(false);
    expect(await call(base, 'GET', `/api/v1/videos/${old}`, world.instructor.token)).toMatchObject({
      status: 404,
    });
  });

  it.each([
    [
      'a truncated MP4 (index at the end)',
      () => truncated('short4s', 0.6),
      /cut short.*Upload it again/,
    ],
    [
      'a truncated MP4 (index first)',
      () => truncated('faststart4s', 0.5),
      /cut short.*Upload it again/,
    ],
    [
      'a sound-only file',
      async () => readFile(await fixture('audioOnly')),
      /No video stream found.*only sound/,
    ],
  ])('fails %s at once with a reason the uploader can act on', async (_what, bytes, reason) => {
    const videoId = await upload(await bytes());
    await expect(job.run({ videoId }, context())).rejects.toBeInstanceOf(UnrecoverableError);
    const state = await status(videoId);
    expect(state).toMatchObject({ status: 'failed', renditions: [] });
    expect(String(state.error)).toMatch(reason);
    expect((await events('video.failed')).at(-1)).toMatchObject({
      videoId,
      uploadedBy: world.instructor.userId,
      lessonTitle: 'Bài giảng 1',
      reason: expect.stringMatching(reason) as unknown,
    });
    expect(existsSync(join(dir, 'videos', videoId, 'hls'))).toBe(false);
    expect(await readdir(join(dir, '.work'))).toEqual([]);
  });

  it('retries a passing failure, and fails the video only when the last attempt does', async () => {
    const videoId = await uploadFixture('short4s');
    // The source vanishing from storage is not the uploader's fault: retried, not refused.
    await rm(join(dir, 'videos', videoId, 'source'));
    await expect(job.run({ videoId }, context(1))).rejects.not.toBeInstanceOf(UnrecoverableError);
    expect(await status(videoId)).toMatchObject({ status: 'processing', error: null });
    await expect(job.run({ videoId }, context(3))).rejects.toThrow();
    expect(await status(videoId)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/failed several times on our side/) as unknown,
    });
  });

  it('caps an 8K source at 1080p', async () => {
    const videoId = await uploadFixture('uhd8k');
    expect(await job.run({ videoId }, context())).toMatchObject({ status: 'ready' });
    const heights = ((await status(videoId)).renditions as { height: number }[]).map(
      (r) => r.height,
    );
    expect(heights).toEqual([240, 360, 720, 1080]);
    const [top] = await probeStreams(hls(videoId, '1080p', 'seg_00000.ts'));
    expect(top).toMatchObject({ width: 1920, height: 1080 });
  });

  it('turns a rotated, variable-rate phone clip into upright portrait renditions', async () => {
    const videoId = await uploadFixture('phone');
    expect(await job.run({ videoId }, context())).toMatchObject({ status: 'ready' });
    const renditions = (await status(videoId)).renditions as { height: number }[];
    expect(renditions.map((r) => r.height)).toEqual([426, 640]);
    const streams = await probeStreams(hls(videoId, '360p', 'seg_00000.ts'));
    expect(streams.find((s) => s.codec_type === 'video')).toMatchObject({
      width: 360,
      height: 640,
    });
  });
});
