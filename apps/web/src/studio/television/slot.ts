import { fromZonedInput } from '../zoned-time';

/** The longest airing the api accepts. */
export const MAX_SLOT_HOURS = 12;

export type SlotField = 'day' | 'start' | 'end';
export type SlotProblem = 'firstDay' | 'startTime' | 'endTime' | 'endBeforeStart' | 'tooLong';

export type ZonedSlot =
  | { ok: true; startsAt: string; endsAt: string }
  | { ok: false; field: SlotField; problem: SlotProblem };

/**
 * An airing typed as a day and two wall-clock times in the person's zone, as the api's instants;
 * or which field is wrong, by the api's own rules (the end after the start, at most 12 hours).
 */
export function zonedSlot(day: string, start: string, end: string, zone: string): ZonedSlot {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { ok: false, field: 'day', problem: 'firstDay' };
  const startsAt = fromZonedInput(`${day}T${start}`, zone);
  if (!startsAt) return { ok: false, field: 'start', problem: 'startTime' };
  const endsAt = fromZonedInput(`${day}T${end}`, zone);
  if (!endsAt) return { ok: false, field: 'end', problem: 'endTime' };
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  if (length <= 0) return { ok: false, field: 'end', problem: 'endBeforeStart' };
  if (length > MAX_SLOT_HOURS * 3_600_000) return { ok: false, field: 'end', problem: 'tooLong' };
  return { ok: true, startsAt, endsAt };
}
