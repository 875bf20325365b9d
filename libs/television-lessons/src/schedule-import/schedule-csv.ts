import { readCsvText } from '@lifelong/common';
import { DateTime } from 'luxon';

/** The columns of a schedule CSV, in any order; aliases a broadcaster's sheet may use. */
const COLUMNS = {
  date: ['date', 'ngay'],
  start: ['start', 'starts', 'batdau'],
  end: ['end', 'ends', 'ketthuc'],
  course: ['course', 'coursecode', 'courseid', 'khoahoc', 'makhoahoc'],
  lesson: ['lesson', 'lessonid', 'lessontitle', 'baihoc'],
} as const;
type Column = keyof typeof COLUMNS;

/** One schedule line: where it is and what it asks for (times still as written). */
export interface ScheduleRow {
  line: number;
  date: string;
  start: string;
  end: string;
  course: string;
  lesson: string;
}

export interface LineError {
  line: number;
  message: string;
}

/** The rows of a schedule CSV, or why the whole file cannot be read. */
export type ParsedSchedule = { rows: (ScheduleRow | LineError)[] } | { failure: string };

const fold = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * Reads a schedule CSV: UTF-8 (BOM optional), `,` or `;`, a header naming the columns `date,
 * start, end, course, lesson` (Vietnamese headers too), blank lines skipped.
 */
export function parseScheduleCsv(content: Buffer): ParsedSchedule {
  const read = readCsvText(content);
  if ('failure' in read) return read;
  const [header, ...data] = read.records;
  if (!header) return { failure: 'The file is empty' };
  const positions = new Map<Column, number>();
  header.cells.forEach((name, index) => {
    const folded = fold(name);
    for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][])
      if (aliases.includes(folded) && !positions.has(column)) positions.set(column, index);
  });
  const missing = (Object.keys(COLUMNS) as Column[]).filter((column) => !positions.has(column));
  if (missing.length > 0)
    return {
      failure: `The header lacks the column(s) ${missing.join(', ')} (date,start,end,course,lesson)`,
    };
  const field = (record: string[], column: Column): string => record[positions.get(column)!] ?? '';
  return {
    rows: data.map(({ cells: record, lastLine }) => {
      const row = {
        line: lastLine,
        date: field(record, 'date'),
        start: field(record, 'start'),
        end: field(record, 'end'),
        course: field(record, 'course'),
        lesson: field(record, 'lesson'),
      };
      const empty = (Object.keys(COLUMNS) as Column[]).filter((column) => row[column] === '');
      return empty.length > 0 ? { line: row.line, message: `${empty.join(', ')} missing` } : row;
    }),
  };
}

/**
 * A row's times in `timeZone`: `YYYY-MM-DD` (or `DD/MM/YYYY`) and `HH:MM`; an end at or before
 * the start is the next day (a slot across midnight).
 */
export function rowSlot(
  row: Pick<ScheduleRow, 'date' | 'start' | 'end'>,
  timeZone: string,
): { startsAt: Date; endsAt: Date } | { problem: string } {
  const date = readDate(row.date);
  if (!date) return { problem: `date "${row.date}" is not YYYY-MM-DD` };
  const start = readTime(row.start);
  const end = readTime(row.end);
  if (!start) return { problem: `start "${row.start}" is not HH:MM` };
  if (!end) return { problem: `end "${row.end}" is not HH:MM` };
  const startsAt = DateTime.fromObject({ ...date, ...start }, { zone: timeZone });
  let endsAt = DateTime.fromObject({ ...date, ...end }, { zone: timeZone });
  if (!startsAt.isValid || !endsAt.isValid) return { problem: 'the date or time does not exist' };
  if (endsAt <= startsAt) endsAt = endsAt.plus({ days: 1 });
  return { startsAt: startsAt.toJSDate(), endsAt: endsAt.toJSDate() };
}

function readDate(value: string): { year: number; month: number; day: number } | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vn
      ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
      : [];
  if (year === undefined) return null;
  const checked = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return checked.isValid ? { year, month: month!, day: day! } : null;
}

function readTime(value: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2})[:h](\d{2})$/.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}
