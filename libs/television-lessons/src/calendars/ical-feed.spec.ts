import ICAL from 'ical.js';
import { type FeedEvent, renderFeed } from './ical-feed';

const event = (overrides: Partial<FeedEvent> = {}): FeedEvent => ({
  broadcastId: '0193a000-0000-7000-8000-000000000001',
  startsAt: new Date('2026-12-01T12:00:00.000Z'),
  endsAt: new Date('2026-12-01T12:45:00.000Z'),
  status: 'scheduled',
  revision: 0,
  updatedAt: new Date('2026-11-29T08:00:00.000Z'),
  lessonTitle: 'Bài 1: An toàn điện',
  courseTitle: 'Kỹ năng sống',
  channelName: 'VTV7',
  url: 'http://localhost:3000/api/v1/courses/c1',
  ...overrides,
});

function parse(text: string): { events: ICAL.Event[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)),
  };
}

describe('renderFeed', () => {
  it('writes Asia/Ho_Chi_Minh local times with their VTIMEZONE, stable UIDs and SEQUENCE', async () => {
    const text = await renderFeed({
      name: 'VTV7',
      timeZone: 'Asia/Ho_Chi_Minh',
      uidHost: 'lifelong.example.vn',
      events: [event(), event({ broadcastId: 'b2', status: 'cancelled', revision: 3 })],
    });
    expect(text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261201T190000');
    expect(text).toMatch(/DTSTAMP:20261129T080000Z/);
    const { events, calendar } = parse(text);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Asia/Ho_Chi_Minh',
    );
    expect(
      events.map((e) => ({
        uid: e.uid,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        sequence: e.sequence,
        status: e.component.getFirstPropertyValue('status'),
        summary: e.summary,
        location: e.location,
      })),
    ).toEqual([
      {
        uid: '0193a000-0000-7000-8000-000000000001@lifelong.example.vn',
        start: '2026-12-01T12:00:00.000Z',
        end: '2026-12-01T12:45:00.000Z',
        sequence: 0,
        status: 'CONFIRMED',
        summary: 'Bài 1: An toàn điện — Kỹ năng sống',
        location: 'VTV7',
      },
      expect.objectContaining({ uid: 'b2@lifelong.example.vn', sequence: 3, status: 'CANCELLED' }),
    ]);
  });

  it('falls back to UTC times in a zone with daylight saving', async () => {
    const text = await renderFeed({
      name: 'X',
      timeZone: 'Europe/Berlin',
      uidHost: 'h',
      events: [
        event(),
        event({ broadcastId: 'summer', startsAt: new Date('2026-07-01T10:00:00Z') }),
      ],
    });
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART:20261201T120000Z');
    expect(parse(text).events[1]!.startDate.toJSDate().toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
  });

  it('escapes every user text, the calendar name too: a name cannot add events or lines', async () => {
    const hostile = 'Kênh; A, B\nBEGIN:VEVENT\r\nUID:evil\rEND:VEVENT\\ \u0007x';
    const readable = 'Kênh; A, B\nBEGIN:VEVENT\nUID:evil\nEND:VEVENT\\ x';
    const text = await renderFeed({
      name: hostile,
      timeZone: 'Asia/Ho_Chi_Minh',
      uidHost: 'h',
      events: [event({ channelName: hostile, lessonTitle: hostile, courseTitle: 'C,;' })],
    });
    // Every physical line is a property or a fold; no bare CR and no other control character.
    expect(text).not.toMatch(/\r(?!\n)/);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    const { events, calendar } = parse(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(readable);
    expect(events.map((e) => [e.uid, e.location, e.summary, e.description])).toEqual([
      [
        '0193a000-0000-7000-8000-000000000001@h',
        readable,
        `${readable} — C,;`,
        `C,;: ${readable} (${readable}). http://localhost:3000/api/v1/courses/c1`,
      ],
    ]);
  });

  it('renders a full feed (2,000 events) in slices, never holding the thread for long', async () => {
    const events = Array.from({ length: 2_000 }, (_, i) =>
      event({
        broadcastId: `b${i}`,
        startsAt: new Date(Date.UTC(2026, 11, 1, 12) + i * 3_600_000),
        endsAt: new Date(Date.UTC(2026, 11, 1, 12, 45) + i * 3_600_000),
      }),
    );
    // Other requests' work, queued as the event loop's next turn: it runs only when the render
    // lets it, which a render in one piece does only at its end.
    let turns = 0;
    let watching = true;
    const otherWork = (): void => {
      turns += 1;
      if (watching) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    let text: string;
    try {
      text = await renderFeed({ name: 'VTV7', timeZone: 'Asia/Ho_Chi_Minh', uidHost: 'h', events });
    } finally {
      watching = false;
    }
    expect(parse(text).events).toHaveLength(2_000);
    expect(turns).toBeGreaterThanOrEqual(2_000 / 50);
  });
});
