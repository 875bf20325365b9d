import type { Rules } from './describe';
import type { Requirement, RequirementBody, TargetBody } from './types';

/** The form as the person fills it: the who / what / when / how-often questions. */
export interface RequirementFormValues {
  title: string;
  orgUnitId: string;
  includeDescendants: boolean;
  positions: string[];
  jobGrades: string[];
  courseId: string;
  dueKind: DueKind;
  dueDays: number | string;
  /** `YYYY-MM-DD`, as a date input gives it. */
  dueDate: string;
  recurrenceKind: RecurrenceKind;
  everyMonths: number | string;
  /** `01`…`12`. */
  annualMonth: string;
  annualDay: number | string;
  windowDays: number | string;
  reminderDays: string[];
}

export type DueKind = 'days' | 'date' | 'none';
export type RecurrenceKind = 'once' | 'months' | 'annual';
export const DUE_KINDS: DueKind[] = ['days', 'date', 'none'];
export const RECURRENCE_KINDS: RecurrenceKind[] = ['once', 'months', 'annual'];
export const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
type Field = keyof RequirementFormValues;

/** The rule each problem breaks, as a `rules.*` text key. */
export type RuleKey =
  | 'titleRequired'
  | 'unitRequired'
  | 'unitIdMalformed'
  | 'courseRequired'
  | 'dueDays'
  | 'dueDate'
  | 'everyMonths'
  | 'annualOn'
  | 'windowDays'
  | 'reminderDays'
  | 'listItem';

// The server's defaults (libs/training requirement.rules): reminders 14 and 3 days before, a
// 30-day renewal window for a recurring requirement.
const DEFAULT_REMINDERS = ['14', '3'];
const DEFAULT_WINDOW_DAYS = 30;
/** The id pattern of the api (ID_PATTERN): a UUID. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function emptyValues(orgUnitId = ''): RequirementFormValues {
  return {
    title: '',
    orgUnitId,
    includeDescendants: true,
    positions: [],
    jobGrades: [],
    courseId: '',
    dueKind: 'days',
    dueDays: 30,
    dueDate: '',
    recurrenceKind: 'once',
    everyMonths: 12,
    annualMonth: '01',
    annualDay: 1,
    windowDays: DEFAULT_WINDOW_DAYS,
    reminderDays: DEFAULT_REMINDERS,
  };
}

/** The form filled with a requirement's current rules, for editing. */
export function valuesOf(requirement: Requirement): RequirementFormValues {
  const empty = emptyValues(requirement.orgUnitId);
  const { everyMonths, annualOn } = requirement.recurrence ?? {};
  const [month, day] = annualOn ? annualOn.split('-') : [];
  return {
    ...empty,
    title: requirement.title,
    includeDescendants: requirement.includeDescendants,
    positions: requirement.positions ?? [],
    jobGrades: requirement.jobGrades ?? [],
    courseId: requirement.courseId,
    dueKind: requirement.dueDays !== null ? 'days' : requirement.dueDate ? 'date' : 'none',
    dueDays: requirement.dueDays ?? empty.dueDays,
    dueDate: requirement.dueDate ? requirement.dueDate.slice(0, 10) : '',
    recurrenceKind: everyMonths ? 'months' : annualOn ? 'annual' : 'once',
    everyMonths: everyMonths ?? empty.everyMonths,
    annualMonth: month ?? empty.annualMonth,
    annualDay: day ? Number(day) : empty.annualDay,
    windowDays: everyMonths || annualOn ? requirement.windowDays : DEFAULT_WINDOW_DAYS,
    reminderDays: requirement.reminderDays.map(String),
  };
}

const annualOnOf = (values: RequirementFormValues): string =>
  `${values.annualMonth}-${String(values.annualDay).padStart(2, '0')}`;

/** The body of POST / PUT for valid values: only the answer chosen for each question. */
export function bodyOf(values: RequirementFormValues): RequirementBody {
  const recurring = values.recurrenceKind !== 'once';
  return {
    title: values.title.trim(),
    courseId: values.courseId,
    orgUnitId: values.orgUnitId.trim(),
    includeDescendants: values.includeDescendants,
    positions: values.positions,
    jobGrades: values.jobGrades,
    ...(values.dueKind === 'days' ? { dueDays: Number(values.dueDays) } : {}),
    ...(values.dueKind === 'date' ? { dueDate: values.dueDate } : {}),
    ...(values.recurrenceKind === 'months'
      ? { recurrence: { everyMonths: Number(values.everyMonths) } }
      : {}),
    ...(values.recurrenceKind === 'annual' ? { recurrence: { annualOn: annualOnOf(values) } } : {}),
    ...(recurring ? { windowDays: Number(values.windowDays) } : {}),
    reminderDays: values.reminderDays.map(Number),
  };
}

/** The rules valid values stand for, as a saved requirement would hold them. */
export function rulesOf(values: RequirementFormValues): Rules {
  const body = bodyOf(values);
  return {
    includeDescendants: values.includeDescendants,
    positions: body.positions?.length ? body.positions : null,
    jobGrades: body.jobGrades?.length ? body.jobGrades : null,
    dueDays: body.dueDays ?? null,
    dueDate: body.dueDate ?? null,
    recurrence: body.recurrence ?? null,
    windowDays: body.windowDays ?? 0,
    reminderDays: body.reminderDays ?? [],
  };
}

/** Who the values target, for the preview; null until a well-formed unit is chosen. */
export function targetOf(values: RequirementFormValues): TargetBody | null {
  const orgUnitId = values.orgUnitId.trim();
  if (!ID.test(orgUnitId)) return null;
  return {
    orgUnitId,
    includeDescendants: values.includeDescendants,
    positions: values.positions,
    jobGrades: values.jobGrades,
  };
}

const whole = (value: number | string, min: number, max: number): boolean => {
  const number = typeof value === 'number' ? value : Number(value);
  return value !== '' && Number.isInteger(number) && number >= min && number <= max;
};

/** True for a day that exists in the month in some year (29 February does). */
export function isMonthDay(month: string, day: number | string): boolean {
  const last = new Date(Date.UTC(2024, Number(month), 0)).getUTCDate();
  return whole(day, 1, last);
}

/**
 * The same rules the api enforces (the DTO and requirement.rules), on the answers the form
 * shows: each problem under its field, so the person fixes it before sending.
 */
export function formProblems(values: RequirementFormValues): Partial<Record<Field, RuleKey>> {
  const problems: Partial<Record<Field, RuleKey>> = {};
  const title = values.title.trim();
  if (title.length === 0 || title.length > 200) problems.title = 'titleRequired';
  const unit = values.orgUnitId.trim();
  if (!unit) problems.orgUnitId = 'unitRequired';
  else if (!ID.test(unit)) problems.orgUnitId = 'unitIdMalformed';
  if (!values.courseId) problems.courseId = 'courseRequired';
  const list = (items: string[], max: number) =>
    items.length > 100 || items.some((item) => item.length > max);
  if (list(values.positions, 100)) problems.positions = 'listItem';
  if (list(values.jobGrades, 50)) problems.jobGrades = 'listItem';
  if (values.dueKind === 'days' && !whole(values.dueDays, 1, 3650)) problems.dueDays = 'dueDays';
  if (values.dueKind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate))
    problems.dueDate = 'dueDate';
  if (values.recurrenceKind === 'months' && !whole(values.everyMonths, 1, 120))
    problems.everyMonths = 'everyMonths';
  if (values.recurrenceKind === 'annual' && !isMonthDay(values.annualMonth, values.annualDay))
    problems.annualDay = 'annualOn';
  if (values.recurrenceKind !== 'once' && !whole(values.windowDays, 0, 365))
    problems.windowDays = 'windowDays';
  if (values.reminderDays.length > 10 || values.reminderDays.some((day) => !whole(day, 1, 365)))
    problems.reminderDays = 'reminderDays';
  return problems;
}

/** The form field a field path of the api's VALIDATION_FAILED details stands for. */
export function fieldOfPath(path: string, values: RequirementFormValues): Field | null {
  const root = path.split('.')[0]!;
  if (path === 'recurrence.annualOn') return 'annualDay';
  if (path === 'recurrence.everyMonths') return 'everyMonths';
  if (root === 'recurrence') return 'recurrenceKind';
  if (root === 'dueDate' || root === 'dueDays')
    return values.dueKind === 'date' ? 'dueDate' : 'dueDays';
  const known: Field[] = [
    'title',
    'courseId',
    'orgUnitId',
    'includeDescendants',
    'positions',
    'jobGrades',
    'windowDays',
    'reminderDays',
  ];
  return known.includes(root as Field) ? (root as Field) : null;
}

/** The form field an error code of the api concerns, when it names one. */
export function fieldOfCode(code: string): Field | null {
  if (code === 'ORG_UNIT_NOT_FOUND' || code === 'FORBIDDEN') return 'orgUnitId';
  if (code === 'COURSE_NOT_FOUND' || code === 'COURSE_NOT_PUBLISHED') return 'courseId';
  return null;
}
