import { DateTime } from 'luxon';
import { Frequency, type Options, type RRule, rrulestr } from 'rrule';
import { expandBounded } from './bounded-expansion';
import { MAX_OCCURRENCES, MAX_SERIES_DAYS } from './slot.rules';

/** The most a rule's INTERVAL may be: a slot repeated more than a year later is a new slot. */
export const MAX_INTERVAL = 366;

/** Frequencies a slot may repeat at: its time of day is always its start's. */
const DAY_OR_LONGER: readonly Frequency[] = [
  Frequency.DAILY,
  Frequency.WEEKLY,
  Frequency.MONTHLY,
  Frequency.YEARLY,
];
/** The longest each month can be (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A slot's start and end. */
export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Why a rule was refused: malformed (400) or unbounded / too long (422). */
export type RecurrenceProblem =
  | { kind: 'malformed'; message: string }
  | { kind: 'unbounded'; message: string }
  | { kind: 'too_long'; message: string };

/**
 * Expands an RFC 5545 RRULE (`FREQ=WEEKLY;COUNT=10`, with or without `RRULE:`) from the first
 * slot into every slot of the series. The rule runs on wall-clock time in `timeZone` (so
 * "weekly on Monday at 19:00" stays 19:00 local across a daylight-saving change), and each
 * occurrence keeps the first slot's length. A rule must end (COUNT or UNTIL) within
 * {@link MAX_OCCURRENCES} slots and {@link MAX_SERIES_DAYS} days, repeat at most daily, and
 * expand within a time budget (see {@link expandBounded}).
 */
export async function expandRecurrence(
  rule: string,
  first: Slot,
  timeZone: string,
): Promise<Slot[] | RecurrenceProblem> {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (!/^[A-Z0-9=;,:+-]+$/i.test(text) || !/(^|;)FREQ=/i.test(text))
    return {
      kind: 'malformed',
      message: 'recurrence must be an RRULE such as FREQ=WEEKLY;COUNT=10',
    };
  if (/(^|;)DTSTART/i.test(text))
    return { kind: 'malformed', message: 'recurrence starts at startsAt; leave DTSTART out' };
  let parsed: RRule;
  try {
    parsed = rrulestr(`RRULE:${text}`, { forceset: false }) as RRule;
  } catch (error) {
    return {
      kind: 'malformed',
      message: `recurrence is not a valid RRULE: ${error instanceof Error ? error.message : 'unreadable'}`,
    };
  }
  const shape = shapeProblem(parsed.origOptions);
  if (shape) return { kind: 'malformed', message: shape };
  const { count, until } = parsed.origOptions;
  if (!count && !until)
    return {
      kind: 'unbounded',
      message: 'A recurrence must end: give COUNT (at most 200) or UNTIL (within a year)',
    };
  if (count && count > MAX_OCCURRENCES)
    return { kind: 'too_long', message: `A recurrence makes at most ${MAX_OCCURRENCES} slots` };
  // Floating time: the local wall clock written as if it were UTC, expanded, then read back.
  const local = DateTime.fromJSDate(first.startsAt, { zone: timeZone });
  const floating = new Date(
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second),
  );
  const limit = new Date(floating.getTime() + MAX_SERIES_DAYS * 86_400_000);
  const expansion = await expandBounded(text, floating, limit, MAX_OCCURRENCES);
  if (!expansion)
    return {
      kind: 'malformed',
      message: `recurrence finds no slots within ${MAX_SERIES_DAYS} days of startsAt quickly enough; give a simpler rule`,
    };
  const starts = expansion.starts.map((start) => new Date(start));
  if (expansion.tooLong)
    return {
      kind: 'too_long',
      message: `A recurrence makes at most ${MAX_OCCURRENCES} slots within ${MAX_SERIES_DAYS} days`,
    };
  if (starts.length === 0)
    return { kind: 'malformed', message: 'recurrence makes no slot from startsAt' };
  const length = first.endsAt.getTime() - first.startsAt.getTime();
  return starts.map((start) => {
    const startsAt = DateTime.fromObject(
      {
        year: start.getUTCFullYear(),
        month: start.getUTCMonth() + 1,
        day: start.getUTCDate(),
        hour: start.getUTCHours(),
        minute: start.getUTCMinutes(),
        second: start.getUTCSeconds(),
        millisecond: first.startsAt.getUTCMilliseconds(),
      },
      { zone: timeZone },
    ).toJSDate();
    return { startsAt, endsAt: new Date(startsAt.getTime() + length) };
  });
}

/**
 * Why a parsed rule can never make a sensible series, or null. Sub-daily frequencies are refused
 * outright: a slot's time of day is its start's, and the library loops without end on sub-daily
 * rules whose BYHOUR/BYMINUTE/BYSECOND the INTERVAL never reaches.
 */
function shapeProblem(options: Partial<Options>): string | null {
  if (options.freq === undefined || !DAY_OR_LONGER.includes(options.freq))
    return 'recurrence repeats at most daily: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY';
  if (options.byhour != null || options.byminute != null || options.bysecond != null)
    return "recurrence keeps startsAt's time of day; leave BYHOUR, BYMINUTE and BYSECOND out";
  if (options.byeaster != null) return 'BYEASTER is not part of RFC 5545';
  if (options.interval !== undefined && (options.interval < 1 || options.interval > MAX_INTERVAL))
    return `INTERVAL must be 1 to ${MAX_INTERVAL}`;
  if (!monthDayExists(options))
    return 'recurrence never makes a slot: no month of BYMONTH has that BYMONTHDAY';
  return null;
}

/** False when every BYMONTHDAY is longer than every month allowed by BYMONTH (Feb 30). */
function monthDayExists(options: Partial<Options>): boolean {
  const days = listOf(options.bymonthday);
  if (days.length === 0) return true;
  const months = listOf(options.bymonth);
  const longest =
    months.length === 0 ? 31 : Math.max(...months.map((month) => MONTH_DAYS[month - 1] ?? 31));
  return days.some((day) => Math.abs(day) <= longest);
}

function listOf(value: number | number[] | null | undefined): number[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
