import { i18n } from './i18n';
import { NUMBER_MARKS, plainNumber } from './plain-number';

/**
 * One place for how the app writes dates, times and numbers: in the person's language (`vi`:
 * `dd/MM/yyyy`, `94,2 %`) and time zone (Asia/Ho_Chi_Minh unless the person chose another).
 */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
let timeZone = DEFAULT_TIME_ZONE;

/** Set from the person's profile once known. */
export function setTimeZone(zone: string | null | undefined): void {
  timeZone = zone || DEFAULT_TIME_ZONE;
}

export function currentTimeZone(): string {
  return timeZone;
}

const locale = (): string => (i18n.language === 'en' ? 'en-GB' : 'vi-VN');

const toDate = (value: string | Date): Date =>
  typeof value === 'string' ? new Date(value) : value;

const DATE_PARTS = {
  date: { day: '2-digit', month: '2-digit', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  weekday: { weekday: 'long' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Building an Intl formatter costs far more than using one (a week of airings on a slow phone
 * spent a fifth of a second just building them), so each is built once per language, zone and
 * shape.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

function dateFormat(shape: keyof typeof DATE_PARTS, language = locale()): Intl.DateTimeFormat {
  return cached(
    `${language}|${timeZone}|${shape}`,
    () => new Intl.DateTimeFormat(language, { timeZone, ...DATE_PARTS[shape] }),
  );
}

/** 07/12/2026 */
export function formatDate(value: string | Date): string {
  return dateFormat('date').format(toDate(value));
}

/** 19:30 */
export function formatTime(value: string | Date): string {
  return dateFormat('time').format(toDate(value));
}

/** 07/12/2026 19:30 */
export function formatDateTime(value: string | Date): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** Thứ Hai, 07/12/2026 (Monday, 07/12/2026) */
export function formatDay(value: string | Date): string {
  const weekday = dateFormat('weekday').format(toDate(value));
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${formatDate(value)}`;
}

/** The calendar day (yyyy-MM-dd) of an instant in the person's time zone: for grouping. */
export function dayKey(value: string | Date): string {
  return dateFormat('date', 'en-CA').format(toDate(value));
}

/** 1.234,5 in vi; 1,234.5 in en. */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  const plain = plainNumber(
    value,
    maximumFractionDigits,
    i18n.language === 'en' ? NUMBER_MARKS.en : NUMBER_MARKS.vi,
  );
  if (plain !== undefined) return plain;
  const language = locale();
  return cached(
    `${language}|number|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(language, { maximumFractionDigits }),
  ).format(value);
}

/** 94,2 % in vi; 94.2% in en (`value` is a percentage, 0–100). */
export function formatPercent(value: number): string {
  return i18n.language === 'en' ? `${formatNumber(value)}%` : `${formatNumber(value)} %`;
}

/** 45 min, 1 h 05 min: a lesson's length. */
export function formatDuration(seconds: number): { hours: number; minutes: number } {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
