import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { adminSession } from '../support/admin-session';
import { answered, apiClient, formBody } from '../support/api-client';
import { eventually, expectStatus } from '../support/e2e';
import type { Json } from '../support/http-client';
import { fixture } from '../support/media-fixtures';
import { peopleRegistry } from '../support/people';

const run = promisify(execFile);

// A distance lesson end to end, over HTTP against the real api and the real worker: an
// instructor uploads a 10-second video, the worker transcodes it, the course is published, an
// enrolled learner plays it by following the signed playlists with no header, and every
// rendition decodes.
const api = adminSession({
  withWorker: true,
  withMediaDir: true,
  env: { TRANSCODE_PRESET: 'ultrafast', OUTBOX_RELAY_INTERVAL_MS: '200' },
});

const person = peopleRegistry(() => api.http, 'video-e2e');

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

describe('a distance lesson, from upload to playback', () => {
  it('uploads, transcodes, publishes and plays a 10-second video', async () => {
    const { http, asAdmin } = api;
    const unit = await expectStatus(
      answered(
        asAdmin.POST('/api/v1/admin-units', {
          body: { code: 'VID-HN', name: 'Hà Nội', level: 'province' },
        }),
      ),
      201,
    );
    const facility = await expectStatus(
      answered(
        asAdmin.POST('/api/v1/facilities', {
          body: {
            code: 'VID-F1',
            name: 'Trung tâm học tập cộng đồng Phúc Xá',
            type: 'community_learning_center',
            adminUnitId: unit.id,
          },
        }),
      ),
      201,
    );
    const teacher = await person();
    await expectStatus(
      answered(
        asAdmin.POST('/api/v1/admin/users/{id}/roles', {
          params: { path: { id: teacher.id } },
          body: { role: 'instructor', scopeType: 'facility', scopeId: facility.id },
        }),
      ),
      201,
    );
    const asTeacher = apiClient(http.base, teacher.token);
    const course = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/courses', {
          body: {
            facilityId: facility.id,
            title: 'Tin học văn phòng cho người lớn tuổi',
            summary: 'Soạn thảo văn bản và gửi thư điện tử.',
          },
        }),
      ),
      201,
    );
    const section = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/courses/{id}/sections', {
          params: { path: { id: course.id } },
          body: { title: 'Phần 1' },
        }),
      ),
      201,
    );
    const lesson = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/sections/{id}/lessons', {
          params: { path: { id: section.id } },
          body: { title: 'Mở máy và soạn văn bản đầu tiên', kind: 'video' },
        }),
      ),
      201,
    );

    // Upload (multipart, streamed).
    const form = new FormData();
    form.append(
      'file',
      new Blob([await readFile(await fixture('lesson10s'))]),
      'Bài 1 - soạn thảo.mp4',
    );
    const { videoId } = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/lessons/{id}/video', {
          params: { path: { id: lesson.id } },
          ...formBody(form),
        }),
      ),
      202,
    );

    // The worker's relay turns the upload into a transcode job; wait for `ready`.
    const video = await eventually(
      'the video becoming ready',
      async () => {
        const { body } = await answered(
          asTeacher.GET('/api/v1/videos/{id}', { params: { path: { id: videoId } } }),
        );
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
    const published = await answered(
      asTeacher.POST('/api/v1/courses/{id}/publish', { params: { path: { id: course.id } } }),
    );
    expect(published.body.status).toBe('published');
    const detail = await answered(
      apiClient(http.base).GET('/api/v1/courses/{id}', { params: { path: { id: course.id } } }),
    );
    const lessons = detail.body.sections[0]!.lessons;
    expect(lessons[0]).toMatchObject({ videoId, durationSeconds: 10 });
    const learner = await person();
    expect(
      (
        await answered(
          apiClient(http.base, learner.token).POST('/api/v1/courses/{id}/enrollments', {
            params: { path: { id: course.id } },
          }),
        )
      ).status,
    ).toBe(201);

    // Playback: the signed master playlist, and everything it leads to, with no header at all.
    const playback = await expectStatus(
      answered(
        apiClient(http.base, learner.token).GET('/api/v1/lessons/{id}/playback', {
          params: { path: { id: lesson.id } },
        }),
      ),
      200,
    );
    const hlsUrl = `${http.base}${new URL(playback.hlsUrl).pathname}`;
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
