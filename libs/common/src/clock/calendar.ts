import { DateTime } from 'luxon';

/**
 * `months` calendar months after `from`, counted in UTC and clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February): validities and recurrences by the month.
 */
export function addMonths(from: Date, months: number): Date {
  return DateTime.fromJSDate(from, { zone: 'utc' }).plus({ months }).toJSDate();
}
