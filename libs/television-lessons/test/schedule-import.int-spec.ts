import { CourseAuthoring } from '@lifelong/courses';
import { ImportScheduleJob } from '@lifelong/television-lessons';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { HttpClient, Json } from '../../../test/support/http-client';
import {
  ManualClock,
  televisionApp,
  televisionWorld,
  type TelevisionWorld,
} from '../../../test/support/television';

const clock = new ManualClock('2026-12-01T01:00:00.000Z');
let app: NestFastifyApplication;
let http: HttpClient;
let world: TelevisionWorld;
let channelId: string;
/** What the broadcaster's sheet calls the course. */
const CODE = 'TV-NN-01';

async function upload(
  csv: string,
  token = world.instructor.token,
  channel = channelId,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${http.base}/api/v1/channels/${channel}/schedule/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Uploads, runs the import job as the worker would (its outbox event names it), reports. */
async function imported(csv: string, outcome = 'completed'): Promise<Json> {
  const accepted = await upload(csv);
  expect(accepted.status).toBe(202);
  const importId = accepted.body.importId as string;
  const [event] = await app
    .get(DataSource)
    .query<{ n: number }[]>(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'television.schedule-import-requested' AND JSON_VALUE(payload, '$.importId') = ?",
      [importId],
    );
  expect(Number(event!.n)).toBe(1);
  expect(await app.get(ImportScheduleJob).run({ importId })).toBe(outcome);
  const report = await http.get(`/api/v1/channels/${channelId}/schedule/imports/${importId}`, {
    token: world.instructor.token,
  });
  expect(report.status).toBe(200);
  return report.body;
}

beforeAll(async () => {
  ({ app, http } = await televisionApp(clock));
  world = await televisionWorld(app);
  await app.get(CourseAuthoring).update(world.instructor.principal, world.courseId, { code: CODE });
  const channel = await http.post('/api/v1/channels', {
    token: world.admin.token,
    body: { code: 'THLC', name: 'Truyền hình tỉnh', facilityId: world.facilityId },
  });
  channelId = channel.body.id as string;
});

afterAll(async () => {
  await app.close();
});

describe('schedule CSV import', () => {
  it('creates the good lines, reports each bad one, and creates nothing twice on a re-run', async () => {
    const csv = [
      'date,start,end,course,lesson',
      `2026-12-14,19:00,19:45,${CODE},Bài 1: Phun thuốc an toàn`,
      `2026-12-15,19:00,19:45, tv-nn-01 ,${world.tv2}`,
      `2026-12-14,19:00,19:45,Tv-Nn-01,Bài 1: Phun thuốc an toàn`,
      `2026-12-15,19:30,20:00,${CODE},Bài 1: Phun thuốc an toàn`,
      '2026-12-16,19:00,19:45,KHONG-CO,Bài 1',
      `2026-12-16,19:00,19:45,${CODE},Tài liệu đọc thêm`,
      `2026-12-17,7 giờ,19:45,${CODE},Bài 1: Phun thuốc an toàn`,
      `2026-12-18,08:00,22:00,${CODE},Bài 1: Phun thuốc an toàn`,
      `2026-12-19,19:00,19:45,${CODE},Bài 9`,
    ].join('\n');
    const first = await imported(csv);
    expect(first).toMatchObject({
      status: 'completed',
      total: 9,
      created: 2,
      unchanged: 0,
      failed: 7,
    });
    expect(first.errors).toEqual([
      { line: 4, message: 'duplicates line 2' },
      { line: 5, message: expect.stringMatching(/^overlaps broadcast /) as unknown },
      { line: 6, message: 'unknown course code "KHONG-CO"' },
      { line: 7, message: 'lesson "Tài liệu đọc thêm" is not a television lesson' },
      { line: 8, message: expect.stringContaining('start') as unknown },
      { line: 9, message: 'A slot may last at most 12 hours' },
      { line: 10, message: 'unknown lesson "Bài 9" in the course' },
    ]);
    const week = await http.get(
      `/api/v1/broadcasts?from=2026-12-14T00:00:00%2B07:00&to=2026-12-21T00:00:00%2B07:00&channelId=${channelId}`,
    );
    expect((week.body.items as Json[]).map((item) => [item.startsAt, item.lessonId])).toEqual([
      ['2026-12-14T12:00:00.000Z', world.tv1],
      ['2026-12-15T12:00:00.000Z', world.tv2],
    ]);
    const rerun = await imported(csv);
    expect(rerun).toMatchObject({ created: 0, unchanged: 2, failed: 7 });
    const after = await http.get(
      `/api/v1/broadcasts?from=2026-12-14T00:00:00%2B07:00&to=2026-12-21T00:00:00%2B07:00&channelId=${channelId}`,
    );
    expect(after.body.total).toBe(2);
  });

  it('fails a file without the needed header, refuses strangers and empty files', async () => {
    const report = await imported('ngay,gio\n2026-12-14,19:00\n', 'failed');
    expect(report).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('lacks') as unknown,
    });
    expect((await upload('')).status).toBe(400);
    const strangerCsv = `date,start,end,course,lesson\n2026-12-20,19:00,19:45,${CODE},${world.tv1}\n`;
    // Not on a channel of another facility than the stranger's ...
    expect((await upload(strangerCsv, world.stranger.token)).status).toBe(403);
    // ... and on their own facility's channel, not for a course they do not teach.
    const own = await http.post('/api/v1/channels', {
      token: world.admin.token,
      body: { code: 'THYB', name: 'Truyền hình Yên Bái', facilityId: world.otherFacilityId },
    });
    const ownChannel = own.body.id as string;
    const accepted = await upload(strangerCsv, world.stranger.token, ownChannel);
    expect(accepted.status).toBe(202);
    await app.get(ImportScheduleJob).run({ importId: accepted.body.importId as string });
    const strangerReport = await http.get(
      `/api/v1/channels/${ownChannel}/schedule/imports/${accepted.body.importId as string}`,
      { token: world.stranger.token },
    );
    expect(strangerReport.body).toMatchObject({
      created: 0,
      errors: [{ line: 2, message: `you are not staff of course "${CODE}"` }],
    });
    const someoneElses = await http.get(
      `/api/v1/channels/${ownChannel}/schedule/imports/${accepted.body.importId as string}`,
      { token: world.instructor.token },
    );
    expect(someoneElses.status).toBe(404);
  });

  it('still takes a course id in the course column, as files from before codes did', async () => {
    const report = await imported(
      [
        'ngày,bắt đầu,kết thúc,khóa học,bài học',
        `21/12/2026,19:00,19:45,${world.courseId},${world.tv1}`,
        `22/12/2026,19:00,19:45,${CODE}-X,${world.tv1}`,
      ].join('\n'),
    );
    expect(report).toMatchObject({ created: 1, failed: 1, unchanged: 0 });
    expect(report.errors).toEqual([{ line: 3, message: `unknown course code "${CODE}-X"` }]);
    const day = await http.get(
      `/api/v1/broadcasts?from=2026-12-21T00:00:00%2B07:00&to=2026-12-22T00:00:00%2B07:00&channelId=${channelId}`,
    );
    expect((day.body.items as Json[]).map((item) => [item.startsAt, item.courseId])).toEqual([
      ['2026-12-21T12:00:00.000Z', world.courseId],
    ]);
  });
});
