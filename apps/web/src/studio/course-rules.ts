/**
 * The server's rules for a course's own fields (CreateCourseDto, UpdateCourseDto), checked in the
 * browser first so a person learns at once what to change; each answer is a `studio` text key.
 */
export type RuleKey =
  | 'rules.titleRequired'
  | 'rules.titleTooLong'
  | 'rules.oneLine'
  | 'rules.summaryRequired'
  | 'rules.summaryTooLong';

const LINE_BREAK = /[\r\n]/;

export function titleProblem(value: string): RuleKey | null {
  const title = value.trim();
  if (!title) return 'rules.titleRequired';
  if (title.length > 200) return 'rules.titleTooLong';
  if (LINE_BREAK.test(title)) return 'rules.oneLine';
  return null;
}

export function summaryProblem(value: string): RuleKey | null {
  const summary = value.trim();
  if (!summary) return 'rules.summaryRequired';
  if (summary.length > 1000) return 'rules.summaryTooLong';
  return null;
}
