import { ManualClock } from '@lifelong/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import type { HttpClient, Json } from '../../../test/support/http-client';
import {
  person,
  televisionApp,
  televisionWorld,
  type TelevisionWorld,
} from '../../../test/support/television';

// Channels are shared airtime: who may create one and put slots on it (issue: any instructor
// could fill a national channel for a year), and what a channel name may carry into calendars.
const clock = new ManualClock('2026-12-01T02:00:00.000Z');
let app: NestFastifyApplication;
let http: HttpClient;
let world: TelevisionWorld;
let nationalId: string;
let ownId: string;
let otherId: string;

const SLOT = { startsAt: '2026-12-07T19:00:00+07:00', endsAt: '2026-12-07T19:45:00+07:00' };

async function createChannel(token: string, body: Json): Promise<{ status: number; body: Json }> {
  return http.post('/api/v1/channels', { token, body });
}

async function created(token: string, body: Json): Promise<string> {
  const response = await createChannel(token, body);
  expect([response.status, response.body]).toEqual([201, expect.anything()]);
  return response.body.id as string;
}

beforeAll(async () => {
  ({ app, http } = await televisionApp(clock));
  world = await televisionWorld(app);
  const admin = world.admin.token;
  nationalId = await created(admin, { code: 'VTV7', name: 'VTV7 — Kênh Giáo dục Quốc gia' });
  ownId = await created(admin, {
    code: 'LCTV',
    name: 'Truyền hình Lào Cai',
    facilityId: world.facilityId,
  });
  otherId = await created(admin, {
    code: 'YBTV',
    name: 'Truyền hình Yên Bái',
    facilityId: world.otherFacilityId,
  });
});

afterAll(async () => {
  await app.close();
});

describe('creating a channel', () => {
  it('is refused to an instructor, national or of any facility', async () => {
    for (const facilityId of [undefined, world.facilityId, world.otherFacilityId]) {
      const response = await createChannel(world.instructor.token, {
        code: `GV-${facilityId?.slice(-6) ?? 'QG'}`,
        name: 'Kênh của giảng viên',
        ...(facilityId ? { facilityId } : {}),
      });
      expect([facilityId, response.status]).toEqual([facilityId, 403]);
    }
  });

  it('is refused to an admin scoped to an administrative unit when the channel is national', async () => {
    const rows: { unitId: string }[] = await app
      .get(DataSource)
      .query('SELECT `admin_unit_id` AS unitId FROM `facilities` WHERE `id` = ?', [
        world.facilityId,
      ]);
    const unitId = rows[0]!.unitId;
    const provincial = await person(app, 'quan-tri-tinh', {
      role: 'admin',
      scopeType: 'admin_unit',
      scopeId: unitId,
    });
    const national = await createChannel(provincial.token, { code: 'QG2', name: 'Kênh quốc gia' });
    expect([national.status, national.body.code]).toEqual([403, 'FORBIDDEN']);
    // Within its unit it may: a channel of a facility there.
    const mine = await createChannel(provincial.token, {
      code: 'LC2',
      name: 'Kênh tỉnh',
      facilityId: world.facilityId,
    });
    expect([mine.status, mine.body.facilityId]).toEqual([201, world.facilityId]);
    const elsewhere = await createChannel(provincial.token, {
      code: 'YB2',
      name: 'Kênh tỉnh khác',
      facilityId: world.otherFacilityId,
    });
    expect(elsewhere.status).toBe(403);
  });

  it('lets a facility admin create a channel of their facility only', async () => {
    const manager = await person(app, 'quan-ly', {
      role: 'facility_admin',
      scopeType: 'facility',
      scopeId: world.facilityId,
    });
    expect(
      (
        await createChannel(manager.token, {
          code: 'LC3',
          name: 'Kênh trung tâm',
          facilityId: world.facilityId,
        })
      ).status,
    ).toBe(201);
    expect(
      (await createChannel(manager.token, { code: 'QG3', name: 'Kênh quốc gia' })).status,
    ).toBe(403);
  });

  it.each([
    ['name', 'Kênh\r\nBEGIN:VEVENT'],
    ['name', 'Kênh\nmới'],
    ['name', 'Kênh\u0000'],
    ['name', 'Kênh\u001b[31m'],
    ['name', 'Kênh\u2028mới'],
    ['description', 'Dòng 1\rDòng 2'],
  ])(
    'refuses control characters in the %s (%j) with a 400 naming the field',
    async (field, value) => {
      const response = await createChannel(world.admin.token, {
        code: 'CTRL',
        name: 'Kênh hợp lệ',
        [field]: value,
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { [field]: [expect.stringContaining('control characters')] } },
      });
    },
  );
});

describe('scheduling on a channel', () => {
  const schedule = (channelId: string, token = world.instructor.token, slot = SLOT) =>
    http.post('/api/v1/broadcasts', { token, body: { channelId, lessonId: world.tv1, ...slot } });

  it('is refused to an instructor on a national channel or another facility’s, allowed on their own', async () => {
    const national = await schedule(nationalId);
    expect([national.status, national.body.code]).toEqual([403, 'FORBIDDEN']);
    const other = await schedule(otherId);
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN']);
    const repeated = await http.post('/api/v1/broadcasts', {
      token: world.instructor.token,
      body: {
        channelId: nationalId,
        lessonId: world.tv1,
        startsAt: '2026-12-08T07:00:00+07:00',
        endsAt: '2026-12-08T19:00:00+07:00',
        recurrence: 'FREQ=DAILY;COUNT=200',
      },
    });
    expect(repeated.status).toBe(403);
    const own = await schedule(ownId);
    expect(own.status).toBe(201);
    // Nor may the slot be moved onto a channel the instructor may not schedule on.
    const moved = await http.request('PATCH', `/api/v1/broadcasts/${own.body.id as string}`, {
      token: world.instructor.token,
      body: { channelId: nationalId },
    });
    expect([moved.status, moved.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('lets a platform admin schedule on the national channel, and leaves its slots to them', async () => {
    const slot = { startsAt: '2026-12-09T19:00:00+07:00', endsAt: '2026-12-09T19:45:00+07:00' };
    const aired = await schedule(nationalId, world.admin.token, slot);
    expect(aired.status).toBe(201);
    const path = `/api/v1/broadcasts/${aired.body.id as string}`;
    const cancel = await http.delete(path, { token: world.instructor.token });
    expect(cancel.status).toBe(403);
  });

  it('refuses a schedule import on a channel the importer may not schedule on', async () => {
    const response = await fetch(`${http.base}/api/v1/channels/${nationalId}/schedule/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${world.instructor.token}`,
        'content-type': 'text/csv',
      },
      body: 'date,start,end,course,lesson\n2026-12-10,19:00,19:45,X,Y\n',
    });
    expect(response.status).toBe(403);
  });
});

describe("a channel's calendar feed", () => {
  it('escapes the channel name everywhere: the feed parses into exactly its events', async () => {
    const name = 'Kênh; số 1, BEGIN:VEVENT END:VCALENDAR \\ "quoted"';
    const channelId = await created(world.admin.token, {
      code: 'ESC',
      name,
      facilityId: world.facilityId,
    });
    const slot = await http.post('/api/v1/broadcasts', {
      token: world.instructor.token,
      body: {
        channelId,
        lessonId: world.tv2,
        startsAt: '2026-12-10T19:00:00+07:00',
        endsAt: '2026-12-10T19:45:00+07:00',
      },
    });
    expect(slot.status).toBe(201);
    const feed = async () => {
      const response = await fetch(`${http.base}/api/v1/channels/${channelId}/schedule.ics`);
      expect(response.status).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(await response.text()) as unknown[]);
      const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
      return {
        name: calendar.getFirstPropertyValue('x-wr-calname'),
        events: events.map((event) => [event.uid, event.location]),
      };
    };
    const uid = `${slot.body.id as string}@hoc.example.vn`;
    expect(await feed()).toEqual({ name: `${name} — Lifelong`, events: [[uid, name]] });
    // A name stored before names were checked (line breaks and all) is escaped just the same.
    const legacy = 'Kênh cũ\r\nBEGIN:VEVENT\r\nUID:evil@example.vn\r\nEND:VEVENT';
    await app
      .get(DataSource)
      .query('UPDATE `channels` SET `name` = ? WHERE `id` = ?', [legacy, channelId]);
    const readable = 'Kênh cũ\nBEGIN:VEVENT\nUID:evil@example.vn\nEND:VEVENT';
    expect(await feed()).toEqual({ name: `${readable} — Lifelong`, events: [[uid, readable]] });
  });
});
