/** A moment as a clock on the wall of `timeZone` shows it. */
export interface LocalMoment {
  /** `YYYY-MM-DD` */
  date: string;
  /** 0–23 */
  hour: number;
}

export function localMoment(now: Date, timeZone: string): LocalMoment {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((found) => found.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/**
 * The local day whose digest is due now, or null before the digest hour. From that hour until
 * midnight the same day is due, so a planner that missed a run catches up on the next.
 */
export function dueDigestDate(now: Date, timeZone: string, digestHour: number): string | null {
  const local = localMoment(now, timeZone);
  return local.hour >= digestHour ? local.date : null;
}
