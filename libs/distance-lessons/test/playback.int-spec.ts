import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig, Clock, ManualClock } from '@lifelong/common';
import { CoursePublishing } from '@lifelong/courses';
import { TranscodeVideo } from '@lifelong/distance-lessons';
import { EnrollLearnerService, RecordProgressService } from '@lifelong/enrollment';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../../apps/api/src/app.module';
import { createApp } from '../../../apps/api/src/create-app';
import { testConfig } from '../../../test/setup/test-env';
import {
  baseUrl,
  call,
  lessonWorld,
  type LessonWorld,
  person,
  rawRequest,
  uploadVideo,
} from '../../../test/support/distance-lessons';
import { decodes, fixture, mediaDir, removeMediaDir } from '../../../test/support/media-fixtures';

const TTL_SECONDS = 3600;

interface Playback {
  hlsUrl: string;
  posterUrl: string;
  expiresAt: string;
  resumePositionSeconds: number;
}

describe('playing a lesson video', () => {
  const clock = new ManualClock('2026-11-29T08:00:00.000Z');
  let dir: string;
  let config: AppConfig;
  let app: NestFastifyApplication;
  let base: string;
  let world: LessonWorld;
  let videoId: string;

  /** The same path on this test's server (PUBLIC_URL is the configured one). */
  const local = (url: string): string => `${base}${new URL(url).pathname}`;
  const playback = async (token: string) =>
    call(base, 'GET', `/api/v1/lessons/${world.videoLessonId}/playback`, token);
  const grant = async (token = world.learner.token): Promise<Playback> => {
    const response = await playback(token);
    expect(response.status).toBe(200);
    return response.body as unknown as Playback;
  };

  beforeAll(async () => {
    dir = await mediaDir();
    config = testConfig({
      MEDIA_DIR: dir,
      TRANSCODE_PRESET: 'ultrafast',
      PLAYBACK_URL_TTL_SECONDS: String(TTL_SECONDS),
      PUBLIC_URL: 'https://hoc.example.vn',
    });
    app = await createApp(config, async (adapter) => {
      const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
        .overrideProvider(Clock)
        .useValue(clock)
        .compile();
      return moduleRef.createNestApplication<NestFastifyApplication>(adapter, { bufferLogs: true });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await baseUrl(app);
    world = await lessonWorld(app);
    const clip = await readFile(await fixture('short4s'));
    videoId = String(
      (await uploadVideo(base, world.instructor.token, world.videoLessonId, clip)).body.videoId,
    );
    await app.get(TranscodeVideo).run(videoId);
    await app.get(CoursePublishing).publish(world.instructor.principal, world.courseId);
    const { enrollment } = await app
      .get(EnrollLearnerService)
      .enroll(world.learner.userId, world.courseId);
    await app
      .get(RecordProgressService)
      .report(world.learner.userId, enrollment.id, world.videoLessonId, {
        segments: [[0, 2]],
        positionSeconds: 2,
      });
  });

  afterAll(async () => {
    await app.close();
    await removeMediaDir(dir);
  });

  it('gives an enrolled learner a signed, expiring link from PUBLIC_URL and where they stopped', async () => {
    const answer = await grant();
    expect(answer.hlsUrl).toMatch(
      new RegExp(
        `^https://hoc\\.example\\.vn/media/v/${videoId}/\\d+/[A-Za-z0-9_-]{43}/master\\.m3u8$`,
      ),
    );
    expect(answer.posterUrl).toBe(answer.hlsUrl.replace('master.m3u8', 'poster.jpg'));
    expect(answer.expiresAt).toBe('2026-11-29T09:00:00.000Z');
    expect(answer.resumePositionSeconds).toBe(2);
  });

  it("gives the course's staff a link too, but not a learner who is not enrolled (404)", async () => {
    expect((await grant(world.instructor.token)).resumePositionSeconds).toBe(0);
    const notEnrolled = await person(app, 'khach', {
      role: 'learner',
      scopeType: null,
      scopeId: null,
    });
    for (const outsider of [notEnrolled, world.stranger])
      expect(await playback(outsider.token)).toMatchObject({
        status: 404,
        body: { code: 'LESSON_NOT_FOUND' },
      });
    expect(
      (await call(base, 'GET', `/api/v1/lessons/${world.videoLessonId}/playback`)).status,
    ).toBe(401);
  });

  it('serves every playlist and segment behind the link with no header, with the right types and caching', async () => {
    const { hlsUrl, posterUrl } = await grant();
    const master = await fetch(local(hlsUrl));
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(master.headers.get('cache-control')).toBe('public, max-age=30');
    const variants = (await master.text())
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(variants).toEqual(['180p/index.m3u8']);
    const variantUrl = new URL(variants[0]!, local(hlsUrl)).href;
    const variant = await fetch(variantUrl);
    expect(variant.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const segments = (await variant.text()).split('\n').filter((line) => line.endsWith('.ts'));
    expect(segments.length).toBeGreaterThan(0);
    const segmentUrl = new URL(segments[0]!, variantUrl).href;
    const segment = await fetch(segmentUrl);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('accept-ranges')).toBe('bytes');
    expect(segment.headers.get('cache-control')).toBe(`public, max-age=${TTL_SECONDS}, immutable`);
    await decodes(segmentUrl);
    const poster = await fetch(local(posterUrl));
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    expect((await poster.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('answers byte ranges with 206, and 416 past the end', async () => {
    const { hlsUrl } = await grant();
    const segmentUrl = local(hlsUrl).replace('master.m3u8', '180p/seg_00000.ts');
    const whole = Buffer.from(await (await fetch(segmentUrl)).arrayBuffer());
    const part = await fetch(segmentUrl, { headers: { range: 'bytes=188-375' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 188-375/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(188, 376));
    const past = await fetch(segmentUrl, { headers: { range: `bytes=${whole.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  it('refuses a tampered link, another video under the same token, and paths outside the video', async () => {
    const { hlsUrl } = await grant();
    const url = new URL(local(hlsUrl));
    const [, , , id, expires, signature] = url.pathname.split('/');
    const tampered = `${url.origin}/media/v/${id}/${Number(expires) + 60}/${signature}/master.m3u8`;
    expect((await fetch(tampered)).status).toBe(403);
    const flipped = `${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(
      (await fetch(`${url.origin}/media/v/${id}/${expires}/${flipped}/master.m3u8`)).status,
    ).toBe(403);
    const other = `${url.origin}/media/v/01900000-0000-7000-8000-000000000000/${expires}/${signature}/master.m3u8`;
    expect((await fetch(other)).status).toBe(403);
    for (const path of ['source', '..%2Fsource', '180p/..%2F..%2Fsource', 'subs/fr.vtt'])
      expect([path, (await fetch(local(hlsUrl).replace('master.m3u8', path))).status]).toEqual([
        path,
        404,
      ]);
  });

  it('serves nothing outside the published layout, however the path is encoded', async () => {
    const { pathname } = new URL((await grant()).hlsUrl);
    const token = pathname.replace(/\/master\.m3u8$/, '');
    for (const path of [
      '%2e%2e%2fsource',
      '%2E%2E/source',
      '..%252Fsource',
      '..%5Csource',
      '..%5C..%5Csource',
      '180p/%2e%2e%2f%2e%2e%2fsource',
      '..%2F..%2F..%2F..%2Fetc%2Fhostname',
      'source%00.ts',
      'subs/..%2F..%2Fsource',
      '.%2Fmaster.m3u8',
    ]) {
      const answer = await rawRequest(base, 'GET', `${token}/${path}`);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.text).not.toContain(dir);
    }
  });

  it('keeps subtitles of a video id only in its canonical form', async () => {
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nA\n');
    for (const id of [videoId.toUpperCase(), `${videoId}%20`, `${videoId}%09`, `..%2F${videoId}`]) {
      const form = new FormData();
      form.append('language', 'en');
      form.append('file', new Blob([vtt], { type: 'text/vtt' }), 'a.vtt');
      const response = await fetch(`${base}/api/v1/videos/${id}/subtitles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.instructor.token}` },
        body: form,
      });
      expect([id, response.status]).toEqual([id, 404]);
      expect(await response.json()).toMatchObject({ code: 'VIDEO_NOT_FOUND' });
    }
    expect(await readdir(join(dir, 'videos'))).toEqual([videoId]);
  });

  it('adds WebVTT subtitles to the master playlist, and refuses what is not WebVTT', async () => {
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào các bạn\n';
    const upload = async (file: string, language: string, token = world.instructor.token) => {
      const form = new FormData();
      form.append('language', language);
      form.append('file', new Blob([file], { type: 'text/vtt' }), 'phu-de.vtt');
      const response = await fetch(`${base}/api/v1/videos/${videoId}/subtitles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await upload(vtt, 'vi')).toMatchObject({
      status: 201,
      body: { videoId, language: 'vi' },
    });
    expect(await upload('1\n00:00:01,000 --> 00:00:02,000\nHi\n', 'en')).toMatchObject({
      status: 415,
      body: { code: 'NOT_WEBVTT' },
    });
    expect(await upload(vtt, 'fr')).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect((await upload(vtt, 'en', world.stranger.token)).status).toBe(403);

    const master = local((await grant()).hlsUrl);
    const text = await (await fetch(master)).text();
    expect(text).toMatch(
      /#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Tiếng Việt",LANGUAGE="vi",DEFAULT=YES,AUTOSELECT=YES,URI="subs\/vi.m3u8"/,
    );
    expect(text).toMatch(/#EXT-X-STREAM-INF:.*SUBTITLES="subs"/);
    const playlist = await fetch(master.replace('master.m3u8', 'subs/vi.m3u8'));
    expect(await playlist.text()).toMatch(/#EXTINF:4\.000,\nvi\.vtt/);
    const track = await fetch(master.replace('master.m3u8', 'subs/vi.vtt'));
    expect(track.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await track.text()).toBe(vtt);
  });

  it('stops serving the files once the link expires', async () => {
    const { hlsUrl } = await grant();
    const segment = local(hlsUrl).replace('master.m3u8', '180p/seg_00000.ts');
    expect((await fetch(segment)).status).toBe(200);
    clock.advance(TTL_SECONDS * 1000);
    const expired = await fetch(segment);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ code: 'PLAYBACK_LINK_EXPIRED' });
    expect((await fetch(local(hlsUrl))).status).toBe(403);
  });
});
