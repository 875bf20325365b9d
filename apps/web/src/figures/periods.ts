/** A year (`2026`) or a quarter (`2026-Q3`), as the api reads them. */
export type Period = string;

const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

/**
 * The periods offered, newest first: this year, then its quarters so far, then each earlier
 * year followed by its four quarters.
 */
export function offeredPeriods(now: Date, years = 4): Period[] {
  const year = now.getFullYear();
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  const periods: Period[] = [];
  for (let y = year; y > year - years; y -= 1) {
    periods.push(String(y));
    for (let q = y === year ? quarter : 4; q >= 1; q -= 1) periods.push(`${y}-Q${q}`);
  }
  return periods;
}

/** The period named in the address when it is one the page offers, else this year. */
export function chosenPeriod(value: string | null, offered: readonly Period[]): Period {
  return value !== null && offered.includes(value) ? value : offered[0]!;
}

/** A period's parts, for its label. */
export function periodParts(period: Period): { year: string; quarter?: string } {
  const [, year = period, quarter] = PERIOD.exec(period) ?? [];
  return quarter === undefined ? { year } : { year, quarter };
}
