import type { TFunction } from 'i18next';
import type { Requirement } from './types';

type T = TFunction<'manageRequirements'>;
/** The rules a sentence is made of (a requirement, a version, or the form's body). */
export type Rules = Pick<
  Requirement,
  | 'includeDescendants'
  | 'positions'
  | 'jobGrades'
  | 'dueDays'
  | 'dueDate'
  | 'recurrence'
  | 'windowDays'
  | 'reminderDays'
>;

/** Names shown for ids: the unit's and the course's (the id itself while not yet known). */
export interface Names {
  unit: string;
  course: string;
}

const list = (t: T, items: string[]): string => items.join(t('describe.or'));

/** `01-15` → `15/01`, the day as people write it. */
export const formatMonthDay = (monthDay: string): string => monthDay.split('-').reverse().join('/');

/**
 * A due date as the day it names, `dd/MM/yyyy`: the api keeps it as midnight UTC of the calendar
 * day that was chosen, so the day is read from the date itself, in no time zone.
 */
export const formatDueDate = (value: string): string =>
  value.slice(0, 10).split('-').reverse().join('/');

export function describeWho(t: T, rules: Rules, unit: string): string {
  const parts = [
    t(rules.includeDescendants ? 'describe.whoSubtree' : 'describe.whoUnit', { unit }),
  ];
  if (rules.positions?.length)
    parts.push(t('describe.positions', { list: list(t, rules.positions) }));
  if (rules.jobGrades?.length)
    parts.push(t('describe.jobGrades', { list: list(t, rules.jobGrades) }));
  return parts.join(t('describe.and'));
}

export function describeDue(t: T, rules: Pick<Rules, 'dueDays' | 'dueDate'>): string {
  if (rules.dueDays !== null) return t('describe.dueDays', { count: rules.dueDays });
  if (rules.dueDate) return t('describe.dueDate', { date: formatDueDate(rules.dueDate) });
  return t('describe.noDue');
}

export function describeRecurrence(t: T, rules: Pick<Rules, 'recurrence'>): string {
  const { everyMonths, annualOn } = rules.recurrence ?? {};
  if (everyMonths) return t('describe.everyMonths', { count: everyMonths });
  if (annualOn) return t('describe.annualOn', { day: formatMonthDay(annualOn) });
  return t('describe.once');
}

/**
 * The requirement in one sentence, as a decree would say it: "Mọi công chức ở Vụ X và các đơn vị
 * trực thuộc, vị trí chuyên viên, hoàn thành khoá Y trong 30 ngày …, mỗi 12 tháng một lần."
 */
export function describeRequirement(t: T, rules: Rules, names: Names): string {
  return t('describe.sentence', {
    who: describeWho(t, rules, names.unit),
    what: t('describe.what', { course: names.course }),
    when: describeDue(t, rules),
    often: describeRecurrence(t, rules),
  });
}
