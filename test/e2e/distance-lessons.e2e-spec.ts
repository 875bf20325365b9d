import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { AdministratorBootstrap } from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { createTestWorker } from '../support/test-worker';
import { testConfig } from '../setup/test-env';
import { eventually } from '../support/e2e';
import { type HttpClient, type Json, listen } from '../support/http-client';
import { fixture, mediaDir, removeMediaDir } from '../support/media-fixtures';
import { peopleRegistry } from '../support/people';

const run = promisify(execFile);

// A distance lesson end to end, over HTTP against the real api and the real worker: an
// instructor uploads a 10-second video, the worker transcodes it, the course is published, an
// enrolled learner plays it by following the signed playlists with no header, and every
// rendition decodes.
let dir: string;
let api: NestFastifyApplication;
let worker: INestApplicationContext;
let http: HttpClient;
let adminToken: string;

const person = peopleRegistry(() => http, 'video-e2e');

async function created(path: string, token: string, body: Json): Promise<Json> {
  const response = await http.post(path, { token, body });
  expect([path, response.status]).toEqual([path, 201]);
  return response.body;
}

/** ffprobe decodes every frame of the video stream at `url`; answers its size and frame count. */
async function decodeWithFfprobe(
  url: string,
): Promise<{ width: number; height: number; frames: number }> {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-count_frames', '-select_streams', 'v:0'],
    ...['-show_entries', 'stream=width,height,nb_read_frames', '-of', 'json', url],
  ]);
  const [stream] = (
    JSON.parse(stdout) as { streams: { width: number; height: number; nb_read_frames: string }[] }
  ).streams;
  return { width: stream!.width, height: stream!.height, frames: Number(stream!.nb_read_frames) };
}

beforeAll(async () => {
  dir = await mediaDir();
  const config = testConfig({
    MEDIA_DIR: dir,
    TRANSCODE_PRESET: 'ultrafast',
    OUTBOX_RELAY_INTERVAL_MS: '200',
  });
  api = await createApp(config);
  http = await listen(api);
  worker = await createTestWorker(config);
  await api
    .get(AdministratorBootstrap)
    .ensureAdministrator(config.admin.email, config.admin.password);
  const login = await http.post('/api/v1/auth/login', {
    body: { email: config.admin.email, password: config.admin.password },
  });
  adminToken = login.body.accessToken as string;
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await removeMediaDir(dir);
});

describe('a distance lesson, from upload to playback', () => {
  it('uploads, transcodes, publishes and plays a 10-second video', async () => {
    const unit = await created('/api/v1/admin-units', adminToken, {
      code: 'VID-HN',
      name: 'Hà Nội',
      level: 'province',
    });
    const facility = await created('/api/v1/facilities', adminToken, {
      code: 'VID-F1',
      name: 'Trung tâm học tập cộng đồng Phúc Xá',
      type: 'community_learning_center',
      adminUnitId: unit.id,
    });
    const teacher = await person();
    const grant = { role: 'instructor', scopeType: 'facility', scopeId: facility.id };
    await created(`/api/v1/admin/users/${teacher.id}/roles`, adminToken, grant);
    const course = await created('/api/v1/courses', teacher.token, {
      facilityId: facility.id,
      title: 'Tin học văn phòng cho người lớn tuổi',
      summary: 'Soạn thảo văn bản và gửi thư điện tử.',
    });
    const section = await created(`/api/v1/courses/${String(course.id)}/sections`, teacher.token, {
      title: 'Phần 1',
    });
    const lesson = await created(`/api/v1/sections/${String(section.id)}/lessons`, teacher.token, {
      title: 'Mở máy và soạn văn bản đầu tiên',
      kind: 'video',
    });

    // Upload (multipart, streamed).
    const form = new FormData();
    form.append(
      'file',
      new Blob([await readFile(await fixture('lesson10s'))]),
      'Bài 1 - soạn thảo.mp4',
    );
    const uploaded = await fetch(`${http.base}/api/v1/lessons/${String(lesson.id)}/video`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacher.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(202);
    const { videoId } = (await uploaded.json()) as { videoId: string };

    // The worker's relay turns the upload into a transcode job; wait for `ready`.
    const video = await eventually(
      'the video becoming ready',
      async () => {
        const { body } = await http.get(`/api/v1/videos/${videoId}`, { token: teacher.token });
        expect(body.status).not.toBe('failed');
        return body.status === 'ready' ? body : undefined;
      },
      { timeout: 90_000, interval: 250 },
    );
    expect(video).toMatchObject({
      status: 'ready',
      progressPercent: 100,
      durationSeconds: 10,
      renditions: [
        { height: 240, bandwidth: expect.any(Number) as unknown },
        { height: 360, bandwidth: expect.any(Number) as unknown },
      ],
      error: null,
    });

    // The lesson has its duration; the course can be published; a learner enrolls.
    const published = await http.post(`/api/v1/courses/${String(course.id)}/publish`, {
      token: teacher.token,
    });
    expect(published.body.status).toBe('published');
    const detail = await http.get(`/api/v1/courses/${String(course.id)}`);
    const lessons = (detail.body.sections as { lessons: Json[] }[])[0]!.lessons;
    expect(lessons[0]).toMatchObject({ videoId, durationSeconds: 10 });
    const learner = await person();
    expect(
      (
        await http.post(`/api/v1/courses/${String(course.id)}/enrollments`, {
          token: learner.token,
        })
      ).status,
    ).toBe(201);

    // Playback: the signed master playlist, and everything it leads to, with no header at all.
    const playback = await http.get(`/api/v1/lessons/${String(lesson.id)}/playback`, {
      token: learner.token,
    });
    expect(playback.status).toBe(200);
    const hlsUrl = `${http.base}${new URL(playback.body.hlsUrl as string).pathname}`;
    const master = await fetch(hlsUrl);
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const variants = (await master.text())
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(variants).toEqual(['240p/index.m3u8', '360p/index.m3u8']);
    const decoded: Json[] = [];
    for (const variant of variants) {
      const variantUrl = new URL(variant, hlsUrl).href;
      const playlist = await (await fetch(variantUrl)).text();
      const segments = playlist.split('\n').filter((line) => line.endsWith('.ts'));
      expect(segments).toHaveLength(2);
      const segment = await decodeWithFfprobe(new URL(segments[0]!, variantUrl).href);
      expect(segment.frames).toBeGreaterThanOrEqual(6 * 25 - 1);
      decoded.push({ width: segment.width, height: segment.height });
    }
    expect(decoded).toEqual([
      { width: 426, height: 240 },
      { width: 640, height: 360 },
    ]);
  }, 150_000);
});
