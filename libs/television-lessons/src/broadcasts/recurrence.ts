import { DateTime } from 'luxon';
import { RRule, rrulestr } from 'rrule';
import { MAX_OCCURRENCES, MAX_SERIES_DAYS } from './slot-rules';

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
 * {@link MAX_OCCURRENCES} slots and {@link MAX_SERIES_DAYS} days.
 */
export function expandRecurrence(
  rule: string,
  first: Slot,
  timeZone: string,
): Slot[] | RecurrenceProblem {
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
  const expanded = new RRule({ ...parsed.origOptions, dtstart: floating, tzid: undefined });
  const starts: Date[] = [];
  let tooLong = false;
  expanded.all((date, index) => {
    if (index >= MAX_OCCURRENCES || date.getTime() > limit.getTime()) {
      tooLong = true;
      return false;
    }
    starts.push(date);
    return true;
  });
  if (tooLong)
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
