import type { TFunction } from 'i18next';
import { describeDue, describeRecurrence } from './describe';
import type { RequirementVersion } from './types';

type T = TFunction<'manageRequirements'>;

/** What one field was and became, in words. */
export interface FieldChange {
  field: ChangedField;
  before: string;
  after: string;
}

export type ChangedField =
  | 'title'
  | 'course'
  | 'unit'
  | 'includeDescendants'
  | 'positions'
  | 'jobGrades'
  | 'due'
  | 'recurrence'
  | 'windowDays'
  | 'reminderDays';

/** Resolves the ids a version holds to names people know. */
export interface NameOf {
  unit: (id: string) => string;
  course: (id: string) => string;
}

/**
 * Each field whose words differ between two consecutive versions, in the order the form asks
 * them. Compared as words, so a change that reads the same (reminders 3, 14 and 14, 3) is none.
 */
export function versionChanges(
  t: T,
  before: RequirementVersion,
  after: RequirementVersion,
  names: NameOf,
): FieldChange[] {
  const list = (items: string[] | null) => (items?.length ? items.join(', ') : t('history.any'));
  const days = (count: number) => t('history.days', { count });
  const words: Record<ChangedField, (version: RequirementVersion) => string> = {
    title: (version) => version.title,
    unit: (version) => names.unit(version.orgUnitId),
    includeDescendants: (version) =>
      t(version.includeDescendants ? 'history.included' : 'history.excluded'),
    positions: (version) => list(version.positions),
    jobGrades: (version) => list(version.jobGrades),
    course: (version) => names.course(version.courseId),
    due: (version) => describeDue(t, version),
    recurrence: (version) => describeRecurrence(t, version),
    windowDays: (version) => (version.recurrence ? days(version.windowDays) : t('history.none')),
    reminderDays: (version) =>
      version.reminderDays.length
        ? version.reminderDays.map((day) => days(day)).join(', ')
        : t('history.none'),
  };
  return (Object.keys(words) as ChangedField[]).flatMap((field) => {
    const [was, is] = [words[field](before), words[field](after)];
    return was === is ? [] : [{ field, before: was, after: is }];
  });
}
