/**
 * The recurrence builder's rules: a series repeats daily, or weekly on chosen weekdays, and ends
 * after a number of airings or on a date. It becomes the RRULE the api expands (on the wall clock
 * of the channel's time zone, from the first airing), and the days it will make are listed before
 * anything is saved, with the same limits the api enforces.
 */

/** The most airings one series makes, and how far its last may be from its first (the api's). */
export const MAX_AIRINGS = 200;
export const MAX_SERIES_DAYS = 366;

export type RepeatFrequency = 'none' | 'daily' | 'weekly';
export type SeriesEnd = 'count' | 'until';

/** Monday = 0 … Sunday = 6 (a Vietnamese week starts on Monday). */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface RecurrenceDraft {
  frequency: RepeatFrequency;
  weekdays: Weekday[];
  end: SeriesEnd;
  count: number;
  /** yyyy-MM-dd: the last day an airing may fall on. */
  until: string;
}

export type RecurrenceProblem =
  | 'noWeekday'
  | 'firstDayNotChosen'
  | 'countRange'
  | 'noUntil'
  | 'untilBeforeFirst'
  | 'untilTooFar'
  | 'tooMany';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Midnight UTC of a calendar day: arithmetic on days, free of any time zone. */
function dayNumber(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  return back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? time : null;
}

const dayString = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The weekday (Monday = 0) of a calendar day. */
export function weekdayOf(day: string): Weekday | null {
  const time = dayNumber(day);
  return time === null ? null : (((new Date(time).getUTCDay() + 6) % 7) as Weekday);
}

/** What stops the draft from making a series starting on `firstDay`, or null. */
export function recurrenceProblem(
  draft: RecurrenceDraft,
  firstDay: string,
): RecurrenceProblem | null {
  if (draft.frequency === 'none') return null;
  const first = dayNumber(firstDay);
  if (first === null) return null; // the first day's own field says what is wrong
  if (draft.frequency === 'weekly') {
    if (draft.weekdays.length === 0) return 'noWeekday';
    if (!draft.weekdays.includes(weekdayOf(firstDay)!)) return 'firstDayNotChosen';
  }
  if (draft.end === 'count') {
    if (!Number.isInteger(draft.count) || draft.count < 2 || draft.count > MAX_AIRINGS)
      return 'countRange';
  } else {
    const until = dayNumber(draft.until);
    if (until === null) return 'noUntil';
    if (until <= first) return 'untilBeforeFirst';
    if (until - first > MAX_SERIES_DAYS * DAY_MS) return 'untilTooFar';
  }
  if (seriesDays(draft, firstDay).length > MAX_AIRINGS) return 'tooMany';
  return null;
}

/**
 * The days (yyyy-MM-dd) the series airs on, first day included; at most one past
 * {@link MAX_AIRINGS}, so a caller can tell a series is too long.
 */
export function seriesDays(draft: RecurrenceDraft, firstDay: string): string[] {
  const first = dayNumber(firstDay);
  if (first === null) return [];
  if (draft.frequency === 'none') return [firstDay];
  const until = draft.end === 'until' ? dayNumber(draft.until) : null;
  const last = Math.min(until ?? Infinity, first + MAX_SERIES_DAYS * DAY_MS);
  const wanted = draft.end === 'count' ? Math.min(draft.count, MAX_AIRINGS + 1) : MAX_AIRINGS + 1;
  const days: string[] = [];
  for (let time = first; time <= last && days.length < wanted; time += DAY_MS) {
    const weekday = ((new Date(time).getUTCDay() + 6) % 7) as Weekday;
    if (draft.frequency === 'daily' || draft.weekdays.includes(weekday)) days.push(dayString(time));
  }
  return days;
}

/**
 * The RRULE for the api (`recurrence`), or undefined for a single airing. UNTIL is the end of
 * the last day on the wall clock, which is how the api reads it (floating time).
 */
export function toRrule(draft: RecurrenceDraft): string | undefined {
  if (draft.frequency === 'none') return undefined;
  const parts = [draft.frequency === 'daily' ? 'FREQ=DAILY' : 'FREQ=WEEKLY'];
  if (draft.frequency === 'weekly')
    parts.push(
      `BYDAY=${[...draft.weekdays]
        .sort()
        .map((day) => RRULE_DAYS[day])
        .join(',')}`,
    );
  if (draft.end === 'count') parts.push(`COUNT=${draft.count}`);
  else parts.push(`UNTIL=${draft.until.replaceAll('-', '')}T235959Z`);
  return parts.join(';');
}
