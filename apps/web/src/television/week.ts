import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { currentTimeZone } from '../format';

dayjs.extend(utc);
dayjs.extend(timezone);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight of a calendar day (yyyy-MM-dd) in the person's time zone. */
const midnight = (day: string): Dayjs => dayjs.tz(day, currentTimeZone());

/** The Monday (yyyy-MM-dd) of the week holding `day`, or of this week when `day` is not a day. */
export function weekOf(day: string | null): string {
  const start =
    day && DAY.test(day) && midnight(day).isValid() ? midnight(day) : dayjs().tz(currentTimeZone());
  const fromMonday = (start.day() + 6) % 7;
  return start.subtract(fromMonday, 'day').format('YYYY-MM-DD');
}

/** The seven days (yyyy-MM-dd) of the week starting on `monday`. */
export function daysOf(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) =>
    midnight(monday).add(index, 'day').format('YYYY-MM-DD'),
  );
}

export function shiftWeek(monday: string, weeks: number): string {
  return midnight(monday)
    .add(weeks * 7, 'day')
    .format('YYYY-MM-DD');
}

/** The instants [from, to) of the week, for the api. */
export function weekRange(monday: string): { from: string; to: string } {
  const start = midnight(monday);
  return { from: start.toISOString(), to: start.add(7, 'day').toISOString() };
}

/** Noon of the day: an instant that formats as that day in the person's zone. */
export const dayInstant = (day: string): Date => midnight(day).add(12, 'hour').toDate();
