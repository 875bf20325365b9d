import ICAL from 'ical.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HttpClient, Json } from '../../../test/support/http-client';
import {
  enrolledLearner,
  ManualClock,
  person,
  televisionApp,
  televisionWorld,
  type TelevisionWorld,
} from '../../../test/support/television';

// Monday 2026-12-07, 19:00–19:45 in Hà Nội.
const SLOT = { startsAt: '2026-12-07T19:00:00+07:00', endsAt: '2026-12-07T19:45:00+07:00' };
const clock = new ManualClock('2026-12-01T01:00:00.000Z');
let app: NestFastifyApplication;
let http: HttpClient;
let world: TelevisionWorld;
let channelId: string;

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  sequence: number;
  status: string;
  summary: string;
}

function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      summary: event.summary,
    };
  });
}

async function text(path: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(`${http.base}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  };
}

const schedule = (body: Json, token = world.instructor.token) =>
  http.post('/api/v1/broadcasts', { token, body: { channelId, lessonId: world.tv1, ...body } });

beforeAll(async () => {
  ({ app, http } = await televisionApp(clock));
  world = await televisionWorld(app);
  const channel = await http.post('/api/v1/channels', {
    token: world.admin.token,
    body: { code: 'vtv7', name: 'VTV7 — Kênh Giáo dục Quốc gia', facilityId: world.facilityId },
  });
  expect(channel.status).toBe(201);
  channelId = channel.body.id as string;
});

afterAll(async () => {
  await app.close();
});

describe('channels', () => {
  it('are created by admins only, with unique codes, and listed publicly', async () => {
    expect(
      (
        await http.post('/api/v1/channels', {
          token: world.instructor.token,
          body: { code: 'X1', name: 'X' },
        })
      ).status,
    ).toBe(403);
    const again = await http.post('/api/v1/channels', {
      token: world.admin.token,
      body: { code: 'VTV7', name: 'Trùng mã' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'CHANNEL_CODE_TAKEN']);
    const list = await http.get('/api/v1/channels');
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: channelId,
        code: 'VTV7',
        name: 'VTV7 — Kênh Giáo dục Quốc gia',
      }),
    ]);
  });
});

describe('scheduling', () => {
  it('schedules a slot for staff only, stored in UTC, with the code shown to staff', async () => {
    const created = await schedule(SLOT);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      channelId,
      lessonId: world.tv1,
      courseId: world.courseId,
      startsAt: '2026-12-07T12:00:00.000Z',
      endsAt: '2026-12-07T12:45:00.000Z',
      status: 'scheduled',
      replayVideoId: null,
      revision: 0,
      attendanceCode: expect.stringMatching(/^[ACEFHKMNPRTWXY3479]{6}$/) as unknown,
    });
    expect((await schedule({ ...shifted(SLOT, 1) }, world.stranger.token)).body.code).toBe(
      'FORBIDDEN',
    );
    const learner = await person(app, 'hoc-vien-tu-do');
    expect((await schedule(shifted(SLOT, 1), learner.token)).status).toBe(403);
    const publicView = await http.get(`/api/v1/broadcasts/${created.body.id as string}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body).not.toHaveProperty('attendanceCode');
    const staffView = await http.get(`/api/v1/broadcasts/${created.body.id as string}`, {
      token: world.instructor.token,
    });
    expect(staffView.body.attendanceCode).toBe(created.body.attendanceCode);
  });

  it('refuses bad times, lengths, lessons and recurrences', async () => {
    const refused = async (body: Json) => {
      const answer = await schedule(body);
      return [answer.status, answer.body.code];
    };
    expect(
      await refused({ startsAt: '2026-12-08T19:00:00+07:00', endsAt: '2026-12-08T18:00:00+07:00' }),
    ).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      await refused({ startsAt: '2026-12-08T00:00:00+07:00', endsAt: '2026-12-09T06:00:00+07:00' }),
    ).toEqual([422, 'BROADCAST_TOO_LONG']);
    expect(
      await refused({ startsAt: '2026-12-08T19:00:00', endsAt: '2026-12-08T19:45:00' }),
    ).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      await refused({ startsAt: '2026-12-08T19:00:00+7', endsAt: '2026-12-08T19:45:00+99:00' }),
    ).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refused({ ...shifted(SLOT, 1), lessonId: world.reading })).toEqual([
      422,
      'LESSON_NOT_TELEVISION',
    ]);
    expect(await refused({ ...shifted(SLOT, 1), recurrence: 'FREQ=WEEKLY' })).toEqual([
      422,
      'RECURRENCE_UNBOUNDED',
    ]);
    expect(await refused({ ...shifted(SLOT, 1), recurrence: 'FREQ=DAILY;COUNT=500' })).toEqual([
      422,
      'RECURRENCE_TOO_LONG',
    ]);
    expect(await refused({ ...shifted(SLOT, 1), recurrence: 'mỗi thứ hai' })).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(
      await refused({ ...shifted(SLOT, 1), channelId: '0193a000-0000-7000-8000-000000000000' }),
    ).toEqual([404, 'CHANNEL_NOT_FOUND']);
  });

  it('expands a weekly recurrence into ten slots, refusing any that meets a taken slot', async () => {
    const series = await schedule({
      lessonId: world.tv2,
      startsAt: '2026-12-08T20:00:00+07:00',
      endsAt: '2026-12-08T20:30:00+07:00',
      recurrence: 'RRULE:FREQ=WEEKLY;COUNT=10',
    });
    expect(series.status).toBe(201);
    const slots = series.body.series as Json[];
    expect(slots).toHaveLength(10);
    expect(slots[9]).toMatchObject({
      startsAt: '2027-02-09T13:00:00.000Z',
      seriesId: series.body.seriesId,
    });
    const clash = await schedule({
      startsAt: '2027-01-12T20:15:00+07:00',
      endsAt: '2027-01-12T21:00:00+07:00',
    });
    expect([clash.status, clash.body.code]).toEqual([409, 'BROADCAST_OVERLAP']);
    expect((clash.body.details as Json).conflictingBroadcastId).toBe(
      slots.find((slot) => slot.startsAt === '2027-01-12T13:00:00.000Z')!.id,
    );
  });

  it('never lets overlapping slots both commit, however many arrive at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        schedule({
          startsAt: `2026-12-20T19:${String(i * 2).padStart(2, '0')}:00+07:00`,
          endsAt: '2026-12-20T20:00:00+07:00',
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(11);
  });

  it('moves and cancels a slot; feeds follow with SEQUENCE and STATUS:CANCELLED', async () => {
    const created = await schedule(shifted(SLOT, 3));
    const id = created.body.id as string;
    const empty = await http.request('PATCH', `/api/v1/broadcasts/${id}`, {
      token: world.instructor.token,
      body: {},
    });
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const moved = await http.request('PATCH', `/api/v1/broadcasts/${id}`, {
      token: world.instructor.token,
      body: { startsAt: '2026-12-10T21:00:00+07:00', endsAt: '2026-12-10T21:45:00+07:00' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2026-12-10T14:00:00.000Z', revision: 1 });
    const clash = await http.request('PATCH', `/api/v1/broadcasts/${id}`, {
      token: world.instructor.token,
      body: { startsAt: '2026-12-07T19:30:00+07:00', endsAt: '2026-12-07T20:15:00+07:00' },
    });
    expect([clash.status, clash.body.code]).toEqual([409, 'BROADCAST_OVERLAP']);
    const feed = await text(`/api/v1/channels/${channelId}/schedule.ics`);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(feed.body).toContain('TZID:Asia/Ho_Chi_Minh');
    expect(parseFeed(feed.body).find((event) => event.uid.startsWith(id))).toMatchObject({
      start: '2026-12-10T14:00:00.000Z',
      end: '2026-12-10T14:45:00.000Z',
      sequence: 1,
      status: 'CONFIRMED',
      summary: 'Bài 1: Phun thuốc an toàn — An toàn nông nghiệp qua truyền hình',
    });
    expect(
      (await http.delete(`/api/v1/broadcasts/${id}`, { token: world.stranger.token })).status,
    ).toBe(403);
    expect(
      (await http.delete(`/api/v1/broadcasts/${id}`, { token: world.instructor.token })).status,
    ).toBe(204);
    const again = await http.request('PATCH', `/api/v1/broadcasts/${id}`, {
      token: world.instructor.token,
      body: { startsAt: '2026-12-11T21:00:00+07:00' },
    });
    expect([again.status, again.body.code]).toEqual([422, 'BROADCAST_CANCELLED']);
    const after = parseFeed((await text(`/api/v1/channels/${channelId}/schedule.ics`)).body);
    expect(after.find((event) => event.uid.startsWith(id))).toMatchObject({
      sequence: 2,
      status: 'CANCELLED',
    });
    // The freed time can be taken again.
    expect(
      (
        await schedule({
          startsAt: '2026-12-10T21:00:00+07:00',
          endsAt: '2026-12-10T21:30:00+07:00',
        })
      ).status,
    ).toBe(201);
  });

  it('publishes the schedule as JSON by time range and channel', async () => {
    const week = await http.get(
      `/api/v1/broadcasts?from=${encodeURIComponent('2026-12-07T00:00:00+07:00')}&to=${encodeURIComponent('2026-12-14T00:00:00+07:00')}&channelId=${channelId}&pageSize=100`,
    );
    expect(week.status).toBe(200);
    const items = week.body.items as Json[];
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((item) => !('attendanceCode' in item))).toBe(true);
    expect(items.map((item) => item.startsAt)).toEqual(
      [...items.map((item) => item.startsAt)].sort(),
    );
    const none = await http.get(
      `/api/v1/broadcasts?from=${encodeURIComponent('2026-12-07T00:00:00+07:00')}&to=${encodeURIComponent('2026-12-14T00:00:00+07:00')}&channelId=0193a000-0000-7000-8000-000000000000`,
    );
    expect(none.body.total).toBe(0);
    const bad = await http.get('/api/v1/broadcasts?from=2026-12-07&to=2026-12-14T00:00:00Z');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('shows the week ahead when no range is given', async () => {
    const now = clock.now();
    const weekAhead = new Date(now.getTime() + 7 * 86_400_000);
    const plain = await http.get(`/api/v1/broadcasts?channelId=${channelId}&pageSize=100`);
    const explicit = await http.get(
      `/api/v1/broadcasts?from=${encodeURIComponent(now.toISOString())}&to=${encodeURIComponent(weekAhead.toISOString())}&channelId=${channelId}&pageSize=100`,
    );
    expect(plain.status).toBe(200);
    expect(plain.body.total).toBeGreaterThan(0);
    expect(plain.body).toEqual(explicit.body);
    const items = plain.body.items as Json[];
    expect(items.every((item) => new Date(item.startsAt as string) < weekAhead)).toBe(true);
  });
});

describe("a learner's calendar feed", () => {
  it('lists the broadcasts of their enrolled courses behind a token that rotation revokes', async () => {
    const learner = await enrolledLearner(app, world.courseId);
    const first = await http.get('/api/v1/me/schedule-feed', { token: learner.token });
    const url = first.body.url as string;
    expect(url).toMatch(
      /^https:\/\/hoc\.example\.vn\/api\/v1\/me\/schedule\.ics\?token=[A-Za-z0-9_-]{43}$/,
    );
    expect((await http.get('/api/v1/me/schedule-feed', { token: learner.token })).body.url).toBe(
      url,
    );
    const local = (feedUrl: string) => new URL(feedUrl).pathname + new URL(feedUrl).search;
    const feed = await text(local(url));
    expect(feed.status).toBe(200);
    const events = parseFeed(feed.body);
    expect(events.length).toBeGreaterThanOrEqual(12);
    expect(
      events.every((event) => event.summary.endsWith('An toàn nông nghiệp qua truyền hình')),
    ).toBe(true);
    const outsider = await person(app, 'khong-ghi-danh');
    const empty = (await http.get('/api/v1/me/schedule-feed', { token: outsider.token })).body
      .url as string;
    expect(parseFeed((await text(local(empty))).body)).toEqual([]);
    const rotated = await http.post('/api/v1/me/schedule-feed/rotate', { token: learner.token });
    expect(rotated.body.url).not.toBe(url);
    expect((await text(local(url))).status).toBe(404);
    expect((await text(local(rotated.body.url as string))).status).toBe(200);
    expect((await text('/api/v1/me/schedule.ics?token=made-up')).status).toBe(404);
  });
});

function shifted(slot: typeof SLOT, days: number): typeof SLOT {
  const move = (iso: string) => {
    const day = Number(iso.slice(8, 10)) + days;
    return `${iso.slice(0, 8)}${String(day).padStart(2, '0')}${iso.slice(10)}`;
  };
  return { startsAt: move(slot.startsAt), endsAt: move(slot.endsAt) };
}

describe('the OpenAPI document', () => {
  it('lists the television routes', async () => {
    const doc = await http.get('/api/docs-json');
    expect(Object.keys(doc.body.paths as Json)).toEqual(
      expect.arrayContaining([
        '/api/v1/channels',
        '/api/v1/channels/{id}/schedule.ics',
        '/api/v1/channels/{id}/schedule/import',
        '/api/v1/channels/{id}/schedule/imports/{importId}',
        '/api/v1/broadcasts',
        '/api/v1/broadcasts/{id}',
        '/api/v1/broadcasts/{id}/attendance',
        '/api/v1/broadcasts/{id}/group-attendance',
        '/api/v1/broadcasts/{id}/replay',
        '/api/v1/me/schedule-feed',
        '/api/v1/me/schedule-feed/rotate',
        '/api/v1/me/schedule.ics',
        '/api/v1/lessons/{id}/check-quiz',
      ]),
    );
  });
});
