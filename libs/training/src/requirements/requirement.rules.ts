import { addMonths } from '@lifelong/common';

/** A requirement's rules as one version holds them (dates as Date, lists as arrays). */
export interface RequirementRules {
  title: string;
  courseId: string;
  orgUnitId: string;
  includeDescendants: boolean;
  positions: string[] | null;
  jobGrades: string[] | null;
  dueDays: number | null;
  dueDate: Date | null;
  everyMonths: number | null;
  annualOn: string | null;
  windowDays: number;
  reminderDays: number[];
}

/** The rules as a request states them (api.md's body). */
export interface RequirementInput {
  title: string;
  courseId: string;
  orgUnitId: string;
  includeDescendants?: boolean;
  positions?: string[];
  jobGrades?: string[];
  dueDays?: number;
  /** ISO 8601 date or date-time. */
  dueDate?: string;
  recurrence?: { everyMonths?: number; annualOn?: string };
  windowDays?: number;
  reminderDays?: number[];
}

export const DEFAULT_REMINDER_DAYS = [14, 3];
/** A recurring requirement without a window opens the renewal this long before expiry. */
export const DEFAULT_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** True for an `MM-DD` that exists in some year (`02-29` does; `02-30` never). */
export function isMonthDay(value: string): boolean {
  const match = MONTH_DAY.exec(value);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12 || day < 1) return false;
  // 2024 is a leap year, so 02-29 counts as a real day.
  return day <= new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

/**
 * The problems with `input`, one sentence each under the field it concerns (empty when valid),
 * keyed like the validation pipe's `details.fields` so a form shows each next to its field.
 */
export function requirementFieldProblems(input: RequirementInput): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (field: string, problem: string): void => {
    (fields[field] ??= []).push(problem);
  };
  if (input.dueDays !== undefined && input.dueDate !== undefined)
    add('dueDate', 'dueDays and dueDate are exclusive: give one of them');
  if (input.dueDate !== undefined && Number.isNaN(Date.parse(input.dueDate)))
    add('dueDate', 'dueDate must be an ISO 8601 date');
  const recurrence = input.recurrence ?? {};
  if (recurrence.everyMonths !== undefined && recurrence.annualOn !== undefined)
    add('recurrence', 'recurrence is everyMonths or annualOn, not both');
  if (recurrence.annualOn !== undefined && !isMonthDay(recurrence.annualOn))
    add('recurrence.annualOn', 'recurrence.annualOn must be a real day as MM-DD');
  return fields;
}

/** The problems with `input`, one sentence each (empty when valid). */
export function requirementProblems(input: RequirementInput): string[] {
  return Object.values(requirementFieldProblems(input)).flat();
}

/** The rules a valid input stands for, with defaults filled in. */
export function toRules(input: RequirementInput): RequirementRules {
  const recurrence = input.recurrence ?? {};
  const recurring = recurrence.everyMonths !== undefined || recurrence.annualOn !== undefined;
  const list = (values?: string[]): string[] | null =>
    values && values.length > 0 ? [...new Set(values)] : null;
  return {
    title: input.title,
    courseId: input.courseId,
    orgUnitId: input.orgUnitId,
    includeDescendants: input.includeDescendants ?? true,
    positions: list(input.positions),
    jobGrades: list(input.jobGrades),
    dueDays: input.dueDays ?? null,
    dueDate: input.dueDate === undefined ? null : new Date(input.dueDate),
    everyMonths: recurrence.everyMonths ?? null,
    annualOn: recurrence.annualOn ?? null,
    windowDays: input.windowDays ?? (recurring ? DEFAULT_WINDOW_DAYS : 0),
    reminderDays: [...new Set(input.reminderDays ?? DEFAULT_REMINDER_DAYS)].sort((a, b) => b - a),
  };
}

type DueRules = Pick<RequirementRules, 'dueDays' | 'dueDate'>;

/** When an assignment made at `assignedAt` is due (null: no deadline). */
export function dueAtFor(rules: DueRules, assignedAt: Date): Date | null {
  if (rules.dueDays !== null) return new Date(assignedAt.getTime() + rules.dueDays * DAY_MS);
  return rules.dueDate;
}

type RecurrenceRules = Pick<RequirementRules, 'everyMonths' | 'annualOn'>;

/**
 * When a completion at `completedAt` stops counting: N months later, the next `annualOn` day
 * strictly after it, or never (null) for a once-only requirement. Month ends clamp (Jan 31 + 1
 * month is Feb 28/29).
 */
export function expiresAtFor(rules: RecurrenceRules, completedAt: Date): Date | null {
  if (rules.everyMonths !== null) return addMonths(completedAt, rules.everyMonths);
  if (rules.annualOn !== null) return nextMonthDay(rules.annualOn, completedAt);
  return null;
}

/** The first `MM-DD` (00:00 UTC) after `after`; 02-29 falls on 02-28 in common years. */
export function nextMonthDay(monthDay: string, after: Date): Date {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  for (let year = after.getUTCFullYear(); ; year += 1) {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const candidate = new Date(Date.UTC(year, month - 1, Math.min(day, lastDay)));
    if (candidate.getTime() > after.getTime()) return candidate;
  }
}

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export const isPeriod = (value: string): boolean => PERIOD.test(value);

/**
 * completed / assigned × 100 with one decimal, as the programme reports it (1 of 6 is 16.7, not
 * 17); 0 when nothing is assigned. Rounded from integers, so 2 of 3 is 66.7, never 66.66999….
 */
export const compliantPercent = (completed: number, assigned: number): number =>
  assigned === 0 ? 0 : Math.round((completed * 1000) / assigned) / 10;
