import type { CourseDetail } from './queries';

/** The course's own fields the details form edits, in the order the form shows them. */
export const COURSE_FIELDS = [
  'title',
  'code',
  'summary',
  'description',
  'language',
  'tags',
  'capacity',
  'hours',
  'validityMonths',
  'enrollmentOpensAt',
  'enrollmentClosesAt',
] as const;
export type CourseField = (typeof COURSE_FIELDS)[number];
export type CourseFields = Pick<CourseDetail, CourseField>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields whose values differ between two versions of a course: what someone else changed
 * since `base` was loaded (the api keeps no version number, so the versions are compared).
 */
export function changedFields(base: CourseFields, current: CourseFields): CourseField[] {
  return COURSE_FIELDS.filter((field) => !same(base[field], current[field]));
}

/** Only the fields the person changed: a save never writes back what they did not touch. */
export function coursePatch(base: CourseFields, edited: CourseFields): Partial<CourseFields> {
  const patch: Partial<CourseFields> = {};
  for (const field of changedFields(base, edited))
    (patch as Record<CourseField, unknown>)[field] = edited[field];
  return patch;
}
