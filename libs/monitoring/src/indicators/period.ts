import { MonitoringError } from '../monitoring-error';

/**
 * Vietnam's offset from UTC (no daylight saving): a period is a calendar year or quarter in
 * the country's time, so an enrollment at 23:30 on 31 December counts in that year.
 */
const PROGRAMME_OFFSET_MS = 7 * 3_600_000;

const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

/** A reporting period: a year (`2026`) or a quarter (`2026-Q3`), as an instant range. */
export interface Period {
  code: string;
  /** First instant of the period (inclusive). */
  start: Date;
  /** First instant after the period (exclusive). */
  end: Date;
}

const startOfMonth = (year: number, monthIndex: number): Date =>
  new Date(Date.UTC(year, monthIndex, 1) - PROGRAMME_OFFSET_MS);

/** `YYYY` or `YYYY-Qn` as a period; anything else (`2026-Q5`, `20266`) is refused. */
export function parsePeriod(code: string | undefined): Period {
  const match = PERIOD.exec(code ?? '');
  const year = Number(match?.[1]);
  if (!match || year < 1900)
    throw new MonitoringError(
      'INVALID_PERIOD',
      'period must be a year (2026) or a quarter (2026-Q3)',
      { period: code ?? null },
    );
  if (match[2] === undefined)
    return { code: match[0], start: startOfMonth(year, 0), end: startOfMonth(year + 1, 0) };
  const firstMonth = (Number(match[2]) - 1) * 3;
  return {
    code: match[0],
    start: startOfMonth(year, firstMonth),
    end: startOfMonth(year, firstMonth + 3),
  };
}

/** The year and the quarter an instant falls in (in the country's time). */
export function periodsOf(at: Date): [string, string] {
  const local = new Date(at.getTime() + PROGRAMME_OFFSET_MS);
  const year = local.getUTCFullYear();
  return [String(year), `${year}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`];
}
