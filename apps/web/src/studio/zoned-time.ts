/**
 * A `datetime-local` field holds a wall-clock time with no zone; the person means their own time
 * zone (Asia/Ho_Chi_Minh unless they chose another), whatever the device's. These convert between
 * that wall time and the api's UTC instants.
 */

/** The wall-clock parts of `instant` in `timeZone`, as a UTC timestamp of the same digits. */
function wallClock(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
}

/** `2026-12-07T19:30` for the instant, in `timeZone`; '' for none. */
export function toZonedInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return new Date(wallClock(new Date(iso), timeZone)).toISOString().slice(0, 16);
}

/** The UTC instant of a `datetime-local` value read in `timeZone`; null for an empty or bad one. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, found from a first guess and corrected once (enough for
  // every zone but the hour a clock skips, where the later reading is taken).
  let instant = wall - (wallClock(new Date(wall), timeZone) - wall);
  instant = wall - (wallClock(new Date(instant), timeZone) - instant);
  return new Date(instant).toISOString();
}
