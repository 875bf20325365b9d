/** The longest slot accepted: a lesson is never a day-long broadcast. */
export const MAX_SLOT_HOURS = 12;
/** The most slots one recurrence rule may make. */
export const MAX_OCCURRENCES = 200;
/** How far the last slot of a series may start after the first. */
export const MAX_SERIES_DAYS = 366;

/**
 * An ISO 8601 time with an explicit offset (`Z` or `±hh:mm`): a broadcast time without one would
 * be read in whatever zone the server runs in.
 */
export const OFFSET_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an offset time, or null when it is not one (or names an impossible date). */
export function parseOffsetTime(value: string): Date | null {
  const match = OFFSET_TIME.exec(value);
  if (!match) return null;
  const offset = match[3]!;
  if (offset !== 'Z') {
    const [hours, minutes] = offset.slice(1).split(':').map(Number);
    if (hours! > 14 || minutes! > 59) return null;
  }
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return null;
  // `2026-02-30T…` rolls over in Date; refuse it by reading the calendar date back.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(year!, month! - 1, day));
  if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day) return null;
  return parsed;
}

/** One slot's problem, or null when `[startsAt, endsAt)` is a slot we accept. */
export function slotProblem(
  startsAt: Date,
  endsAt: Date,
): { field: 'endsAt'; message: string; tooLong: boolean } | null {
  if (endsAt.getTime() <= startsAt.getTime())
    return { field: 'endsAt', message: 'endsAt must be after startsAt', tooLong: false };
  if (endsAt.getTime() - startsAt.getTime() > MAX_SLOT_HOURS * 3_600_000)
    return {
      field: 'endsAt',
      message: `A slot may last at most ${MAX_SLOT_HOURS} hours`,
      tooLong: true,
    };
  return null;
}

/** True when two half-open slots share any instant. */
export function overlaps(
  a: { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The first pair of slots in `slots` that overlap each other, or null. */
export function firstSelfOverlap<T extends { startsAt: Date; endsAt: Date }>(
  slots: readonly T[],
): [T, T] | null {
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i += 1)
    if (overlaps(sorted[i - 1]!, sorted[i]!)) return [sorted[i - 1]!, sorted[i]!];
  return null;
}
