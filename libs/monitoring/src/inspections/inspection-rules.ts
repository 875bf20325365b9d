/** What an inspection looks at: a continuing-education facility or an org unit (an agency). */
export const INSPECTION_TARGETS = ['facility', 'org_unit'] as const;
export type InspectionTarget = (typeof INSPECTION_TARGETS)[number];

/** `planned` while the team records; `published` once the inspected unit may read it. */
export const INSPECTION_STATUSES = ['planned', 'published'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const ACTION_STATUSES = ['open', 'closed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A criterion scores from 0 to this. */
export const SCORE_MAX = 100;
/** Weights are whole numbers from 1 to this. */
export const WEIGHT_MAX = 100;
export const CRITERIA_MAX = 50;
export const TEAM_MAX = 20;
export const NOTE_MAX = 2_000;
export const SUMMARY_MAX = 4_000;

/** One criterion of the checklist, with its score and note once recorded. */
export interface Criterion {
  position: number;
  label: string;
  weight: number;
  score: number | null;
  note: string | null;
}

/**
 * The overall result: the criteria's scores averaged by weight, on the same 0–100 scale, to one
 * decimal; null until every criterion has a score.
 */
export function weightedTotal(
  criteria: readonly Pick<Criterion, 'weight' | 'score'>[],
): number | null {
  if (criteria.length === 0 || criteria.some((criterion) => criterion.score === null)) return null;
  const weights = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const points = criteria.reduce((sum, criterion) => sum + criterion.weight * criterion.score!, 0);
  return Math.round((points / weights) * 10) / 10;
}

const DAY_MS = 86_400_000;
/** Vietnam keeps UTC+7 all year: a due date is a day there. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar day (`YYYY-MM-DD`) in Vietnam at `now`. */
export const vietnamDay = (now: Date): string =>
  new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** `YYYY-MM-DD` `days` after `day`. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
