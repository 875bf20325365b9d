import ICAL from 'ical.js';
import { DateTime } from 'luxon';

/** One broadcast as a calendar event. */
export interface FeedEvent {
  broadcastId: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  /** Rises with every move or cancellation: the event's SEQUENCE. */
  revision: number;
  updatedAt: Date;
  lessonTitle: string;
  courseTitle: string;
  channelName: string;
  /** Where the learner follows the course (absolute). */
  url: string;
}

export interface Feed {
  name: string;
  timeZone: string;
  /** The host part of every UID (`<broadcastId>@<host>`), stable across renames. */
  uidHost: string;
  events: readonly FeedEvent[];
}

/**
 * An RFC 5545 calendar of broadcasts. Times carry the feed's TZID with its VTIMEZONE when the
 * zone keeps one offset (Asia/Ho_Chi_Minh is +07:00 all year); a zone with daylight saving is
 * written in UTC instead, which every calendar app converts correctly. UIDs are the broadcast
 * ids, SEQUENCE its revision, and a cancelled slot stays with `STATUS:CANCELLED` so subscribed
 * calendars drop it.
 */
export async function renderFeed(feed: Feed): Promise<string> {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Lifelong//Television lessons//VI');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addProperty(textProperty('x-wr-calname', feed.name));
  calendar.addPropertyWithValue('x-wr-timezone', feed.timeZone);
  const offset = await fixedOffsetMinutes(feed.timeZone, feed.events);
  if (offset !== null) calendar.addSubcomponent(vtimezone(feed.timeZone, offset));
  // ical.js writes each event; a full feed (2,000 events) takes a few hundred milliseconds, so
  // it is written in slices with a turn for other requests in between.
  const events: string[] = [];
  for (const [index, event] of feed.events.entries()) {
    events.push(vevent(event, feed, offset === null ? null : feed.timeZone).toString());
    if ((index + 1) % EVENTS_PER_SLICE === 0) await nextTurn();
  }
  const text = calendar.toString();
  if (events.length === 0) return text + '\r\n';
  const end = text.lastIndexOf('END:VCALENDAR');
  return `${text.slice(0, end)}${events.join('\r\n')}\r\n${text.slice(end)}\r\n`;
}

/** Events handled between two turns of the event loop (a few milliseconds of work). */
const EVENTS_PER_SLICE = 50;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function vevent(event: FeedEvent, feed: Feed, tzid: string | null): ICAL.Component {
  const component = new ICAL.Component('vevent');
  component.addPropertyWithValue('uid', `${event.broadcastId}@${feed.uidHost}`);
  component.addPropertyWithValue('dtstamp', utc(event.updatedAt));
  component.addPropertyWithValue('last-modified', utc(event.updatedAt));
  component.addProperty(timeProperty('dtstart', event.startsAt, tzid));
  component.addProperty(timeProperty('dtend', event.endsAt, tzid));
  component.addPropertyWithValue('sequence', event.revision);
  component.addPropertyWithValue(
    'status',
    event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  );
  component.addProperty(textProperty('summary', `${event.lessonTitle} — ${event.courseTitle}`));
  component.addProperty(textProperty('location', event.channelName));
  component.addProperty(
    textProperty(
      'description',
      `${event.courseTitle}: ${event.lessonTitle} (${event.channelName}). ${event.url}`,
    ),
  );
  component.addPropertyWithValue('url', event.url);
  component.addPropertyWithValue('transp', 'TRANSPARENT');
  return component;
}

// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const CONTROL_BUT_TAB_AND_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A TEXT property, escaped by ical.js (`\\`, `;`, `,`, line feeds). Names and titles come from
 * users: ical.js escapes line feeds but passes a carriage return or another control character
 * through, which would end the content line and let the rest read as calendar lines, so line
 * breaks become line feeds and other control characters go. An `X-` property is typed TEXT
 * explicitly, since ical.js writes a property it does not know unescaped.
 */
function textProperty(name: string, value: string): ICAL.Property {
  const property = new ICAL.Property(name);
  property.resetType('text');
  property.setValue(value.replace(/\r\n?/g, '\n').replace(CONTROL_BUT_TAB_AND_LF, ''));
  return property;
}

function utc(date: Date): ICAL.Time {
  return ICAL.Time.fromJSDate(date, true);
}

function timeProperty(name: string, date: Date, tzid: string | null): ICAL.Property {
  const property = new ICAL.Property(name);
  if (tzid === null) {
    property.setValue(utc(date));
    return property;
  }
  const local = DateTime.fromJSDate(date, { zone: tzid });
  property.setValue(
    ICAL.Time.fromData({
      year: local.year,
      month: local.month,
      day: local.day,
      hour: local.hour,
      minute: local.minute,
      second: local.second,
      isDate: false,
    }),
  );
  property.setParameter('tzid', tzid);
  return property;
}

/** The zone's offset in minutes if it is the same at every event (and now), else null. */
async function fixedOffsetMinutes(
  timeZone: string,
  events: readonly FeedEvent[],
): Promise<number | null> {
  const zone = DateTime.now().setZone(timeZone);
  if (!zone.isValid) return null;
  const year = zone.year;
  const offsets = new Set([
    DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone }).offset,
    DateTime.fromObject({ year, month: 7, day: 1 }, { zone: timeZone }).offset,
  ]);
  for (const [index, event] of events.entries()) {
    offsets.add(DateTime.fromJSDate(event.startsAt, { zone: timeZone }).offset);
    if ((index + 1) % EVENTS_PER_SLICE === 0) await nextTurn();
  }
  return offsets.size === 1 ? [...offsets][0]! : null;
}

function vtimezone(timeZone: string, offsetMinutes: number): ICAL.Component {
  const component = new ICAL.Component('vtimezone');
  component.addPropertyWithValue('tzid', timeZone);
  const standard = new ICAL.Component('standard');
  standard.addPropertyWithValue(
    'dtstart',
    ICAL.Time.fromData({
      year: 1970,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      isDate: false,
    }),
  );
  const offset = ICAL.UtcOffset.fromSeconds(offsetMinutes * 60);
  standard.addPropertyWithValue('tzoffsetfrom', offset);
  standard.addPropertyWithValue('tzoffsetto', offset);
  standard.addPropertyWithValue('tzname', offsetName(offsetMinutes));
  component.addSubcomponent(standard);
  return component;
}

function offsetName(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const rest = Math.abs(minutes) % 60;
  return rest === 0 ? `${sign}${hours}` : `${sign}${hours}${String(rest).padStart(2, '0')}`;
}
