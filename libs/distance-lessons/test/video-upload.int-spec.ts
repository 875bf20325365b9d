import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '@lifelong/common';
import { CourseOutline } from '@lifelong/courses';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../../apps/api/src/create-app';
import { testConfig } from '../../../test/setup/test-env';
import {
  call,
  baseUrl,
  lessonWorld,
  type LessonWorld,
  sha256,
  sha256OfFile,
  TusClient,
  uploadVideo,
} from '../../../test/support/distance-lessons';
import { fixture, mediaDir, removeMediaDir } from '../../../test/support/media-fixtures';

const MAX_BYTES = 3 * 1024 * 1024;

/** Every file under MEDIA_DIR except the tus staging area, as relative paths. */
async function storedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith('.incoming'))
    .sort();
}

describe('uploading a lesson video', () => {
  let dir: string;
  let config: AppConfig;
  let app: NestFastifyApplication;
  let base: string;
  let world: LessonWorld;
  let clip: Buffer;

  const videoRows = (): Promise<{ id: string; status: string; original_name: string | null }[]> =>
    app.get(DataSource).query('SELECT id, status, original_name FROM videos ORDER BY created_at');

  beforeAll(async () => {
    dir = await mediaDir();
    config = testConfig({ MEDIA_DIR: dir, VIDEO_MAX_BYTES: String(MAX_BYTES) });
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await baseUrl(app);
    world = await lessonWorld(app);
    clip = await readFile(await fixture('short4s'));
  });

  afterAll(async () => {
    await app.close();
    await removeMediaDir(dir);
  });

  beforeEach(async () => {
    await app.get(DataSource).query('DELETE FROM videos');
    await rm(join(dir, 'videos'), { recursive: true, force: true });
  });

  it('streams a multipart upload into storage and answers 202 processing', async () => {
    const response = await uploadVideo(base, world.instructor.token, world.videoLessonId, clip);
    expect(response).toMatchObject({ status: 202, body: { status: 'processing' } });
    const videoId = String(response.body.videoId);
    expect(await sha256OfFile(join(dir, 'videos', videoId, 'source'))).toBe(sha256(clip));
    const state = await call(base, 'GET', `/api/v1/videos/${videoId}`, world.instructor.token);
    expect(state).toMatchObject({
      status: 200,
      body: { id: videoId, status: 'processing', progressPercent: 0, renditions: [], error: null },
    });
    const lesson = await app.get(CourseOutline).lesson(world.videoLessonId);
    expect(lesson).toMatchObject({ videoId, videoReady: false });
    const events = await app
      .get(DataSource)
      .query<{ payload: unknown }[]>(
        "SELECT payload FROM outbox_events WHERE type = 'media.video-uploaded'",
      );
    expect(
      events.map((e): unknown =>
        typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload,
      ),
    ).toContainEqual({
      videoId,
    });
  });

  it('keeps a hostile file name as metadata only, never as a path', async () => {
    const name = '../../../etc/cron.d/bài giảng ĐẦU TIÊN 日本.mp4';
    const response = await uploadVideo(
      base,
      world.instructor.token,
      world.videoLessonId,
      clip,
      name,
    );
    expect(response.status).toBe(202);
    const videoId = String(response.body.videoId);
    expect(await storedFiles(dir)).toEqual([`videos/${videoId}/source`]);
    expect(await videoRows()).toEqual([
      { id: videoId, status: 'processing', original_name: 'bài giảng ĐẦU TIÊN 日本.mp4' },
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty file/],
    ['a PNG named .mp4', null, /PNG image, not a video/],
    ['a subtitle file', Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n'), /text file/],
  ])('refuses %s with 415 before storing anything', async (_what, bytes, message) => {
    const body = bytes ?? (await readFile(await fixture('png')));
    const response = await uploadVideo(
      base,
      world.instructor.token,
      world.videoLessonId,
      body,
      'video.mp4',
    );
    expect(response).toMatchObject({ status: 415, body: { code: 'NOT_A_VIDEO' } });
    expect(String(response.body.message)).toMatch(message);
    expect(await videoRows()).toEqual([]);
    expect(await storedFiles(dir)).toEqual([]);
  });

  it('refuses a file over VIDEO_MAX_BYTES with 413 and keeps none of it', async () => {
    const big = Buffer.concat([clip, Buffer.alloc(MAX_BYTES)]);
    const response = await uploadVideo(base, world.instructor.token, world.videoLessonId, big);
    expect(response).toMatchObject({ status: 413, body: { code: 'VIDEO_TOO_LARGE' } });
    expect(await videoRows()).toEqual([]);
    expect(await storedFiles(dir)).toEqual([]);
  });

  it("refuses another facility's instructor (403) and a learner (403)", async () => {
    for (const person of [world.stranger, world.learner]) {
      const response = await uploadVideo(base, person.token, world.videoLessonId, clip);
      expect(response).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    expect(await videoRows()).toEqual([]);
  });

  it('refuses a lesson that takes no video (422) and one that does not exist (404)', async () => {
    const reading = await uploadVideo(base, world.instructor.token, world.readingLessonId, clip);
    expect(reading).toMatchObject({ status: 422, body: { code: 'LESSON_NOT_VIDEO' } });
    const missing = await uploadVideo(
      base,
      world.instructor.token,
      '01900000-0000-7000-8000-000000000000',
      clip,
    );
    expect(missing).toMatchObject({ status: 404, body: { code: 'LESSON_NOT_FOUND' } });
  });

  it('lets the later of two simultaneous uploads win and leaves nothing of the other', async () => {
    const answers = await Promise.all([
      uploadVideo(base, world.instructor.token, world.videoLessonId, clip, 'first.mp4'),
      uploadVideo(base, world.admin.token, world.videoLessonId, clip, 'second.mp4'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    const rows = await videoRows();
    expect(rows).toHaveLength(1);
    const winner = rows[0]!.id;
    const loser = answers.map((a) => String(a.body.videoId)).find((id) => id !== winner)!;
    expect(await storedFiles(dir)).toEqual([`videos/${winner}/source`]);
    expect(await app.get(CourseOutline).lesson(world.videoLessonId)).toMatchObject({
      videoId: winner,
    });
    expect(
      await call(base, 'GET', `/api/v1/videos/${loser}`, world.instructor.token),
    ).toMatchObject({
      status: 404,
    });
  });

  describe('over tus', () => {
    it('resumes an interrupted upload from where it stopped', async () => {
      const tus = new TusClient(base, world.instructor.token);
      const created = await tus.create(clip.length, {
        lessonId: world.videoLessonId,
        filename: 'bài 1.mp4',
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toMatch(
        new RegExp(`^${config.http.publicUrl}/api/v1/uploads/[0-9a-f]+$`),
      );
      await tus.interruptedPatch(created.path, 0, clip, Math.floor(clip.length / 2));
      const head = await tus.offset(created.path);
      expect(head.status).toBe(200);
      const offset = Number(head.headers.get('upload-offset'));
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThan(clip.length);
      const rest = await tus.patch(created.path, offset, clip.subarray(offset));
      expect(rest.status).toBe(204);
      const videoId = rest.headers.get('video-id') ?? '';
      expect(await sha256OfFile(join(dir, 'videos', videoId, 'source'))).toBe(sha256(clip));
      expect(await videoRows()).toEqual([
        { id: videoId, status: 'processing', original_name: 'bài 1.mp4' },
      ]);
      expect(await app.get(CourseOutline).lesson(world.videoLessonId)).toMatchObject({ videoId });
      expect(await readdir(join(dir, '.incoming'))).toEqual([]);
    });

    it('needs a token, the lesson staff, and a size within the limit', async () => {
      const anonymous = await fetch(`${base}/api/v1/uploads`, {
        method: 'POST',
        headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' },
      });
      expect(anonymous.status).toBe(401);
      const stranger = await new TusClient(base, world.stranger.token).create(10, {
        lessonId: world.videoLessonId,
      });
      expect(stranger).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      const huge = await new TusClient(base, world.instructor.token).create(MAX_BYTES + 1, {
        lessonId: world.videoLessonId,
      });
      expect(huge.status).toBe(413);
      const reading = await new TusClient(base, world.instructor.token).create(10, {
        lessonId: world.readingLessonId,
      });
      expect(reading).toMatchObject({ status: 422, body: { code: 'LESSON_NOT_VIDEO' } });
    });

    it("hides one person's upload from everyone else", async () => {
      const created = await new TusClient(base, world.instructor.token).create(clip.length, {
        lessonId: world.videoLessonId,
      });
      const admin = new TusClient(base, world.admin.token);
      expect((await admin.offset(created.path)).status).toBe(404);
      expect((await admin.patch(created.path, 0, clip)).status).toBe(404);
    });

    it('refuses a PNG with 415 when its last byte arrives, keeping nothing', async () => {
      const png = await readFile(await fixture('png'));
      const tus = new TusClient(base, world.instructor.token);
      const created = await tus.create(png.length, {
        lessonId: world.videoLessonId,
        filename: 'video.mp4',
      });
      const finished = await tus.patch(created.path, 0, png);
      expect(finished.status).toBe(415);
      expect(finished.body).toMatchObject({ code: 'NOT_A_VIDEO' });
      expect(await videoRows()).toEqual([]);
      const uploadId = created.path.split('/').at(-1)!;
      expect(await readdir(join(dir, '.incoming'))).not.toContain(uploadId);
      expect(await storedFiles(dir)).toEqual([]);
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const { body } = await call(base, 'GET', '/api/docs-json');
    expect(Object.keys(body.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/v1/lessons/{id}/video',
        '/api/v1/lessons/{id}/playback',
        '/api/v1/videos/{id}',
        '/api/v1/videos/{id}/subtitles',
        '/api/v1/uploads',
      ]),
    );
  });
});
