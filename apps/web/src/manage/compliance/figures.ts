import type { components } from '../../api/schema';
import { formatNumber } from '../../format';
import { i18n } from '../../i18n';

export type ComplianceRow = components['schemas']['ComplianceRowDto'];
export type ComplianceTree = components['schemas']['ComplianceDto'];
export type SnapshotSummary = components['schemas']['SnapshotSummaryDto'];
export type Snapshot = components['schemas']['SnapshotDto'];

/**
 * A share always with one decimal, as the programme reports it: `94,2 %` and `100,0 %` in
 * Vietnamese, `94.2%` in English (`formatPercent` drops a trailing zero, which reads as less
 * precise next to its neighbours in a table).
 */
export function percentOneDecimal(value: number): string {
  const en = i18n.language === 'en';
  const rounded = Math.round(value * 10) / 10;
  const written = formatNumber(rounded, 1);
  const mark = en ? '.' : ',';
  const padded = written.includes(mark) ? written : `${written}${mark}0`;
  return en ? `${padded}%` : `${padded} %`;
}

/** A change in points with its sign: `+2,5`, `−1,0`, `0,0`. */
export function signedPoints(change: number): string {
  const rounded = Math.round(change * 10) / 10;
  const mark = i18n.language === 'en' ? '.' : ',';
  const written = formatNumber(Math.abs(rounded), 1);
  const padded = written.includes(mark) ? written : `${written}${mark}0`;
  return rounded > 0 ? `+${padded}` : rounded < 0 ? `−${padded}` : padded;
}

/** Nobody assigned: the share is not 0 %, there is no one to count. */
export const hasStaff = (row: Pick<ComplianceRow, 'assigned'>): boolean => row.assigned > 0;

let byName: Intl.Collator | undefined;

/**
 * Worst first: the lowest share of those with staff, then the most overdue; units with nobody
 * assigned last (nothing to chase there), each group by name. One collator for every sort
 * (`localeCompare` with a locale sets one up per call, thousands of times for a ministry).
 */
export function worstFirst(rows: readonly ComplianceRow[]): ComplianceRow[] {
  byName ??= new Intl.Collator('vi');
  const names = byName;
  return [...rows].sort(
    (a, b) =>
      Number(hasStaff(b)) - Number(hasStaff(a)) ||
      a.compliantPercent - b.compliantPercent ||
      b.overdue - a.overdue ||
      names.compare(a.name, b.name),
  );
}

/** `YYYY`, `YYYY-Qn` or `YYYY-MM`, as the api accepts. */
export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** The current quarter (`2026-Q4`): what a manager most often freezes. */
export function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** The compliance page of an org unit. */
export const drillDown = (orgUnitId: string): string =>
  `/manage/compliance?orgUnitId=${encodeURIComponent(orgUnitId)}`;
