/** What is wrong with a proposed lesson order, by kind; all empty when it is a permutation. */
export interface LessonOrderProblems {
  /** Lessons of the section the order leaves out. */
  missing: string[];
  /** Lessons named more than once. */
  duplicated: string[];
  /** Ids that are not lessons of this section. */
  unknown: string[];
}

/**
 * Checks that `proposed` names every lesson of the section exactly once. Returns null when it
 * does, else each problem, so the 400 can say exactly what to fix.
 */
export function lessonOrderProblems(
  current: readonly string[],
  proposed: readonly string[],
): LessonOrderProblems | null {
  const existing = new Set(current);
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  const unknown = new Set<string>();
  for (const id of proposed) {
    if (!existing.has(id)) unknown.add(id);
    else if (seen.has(id)) duplicated.add(id);
    seen.add(id);
  }
  const missing = current.filter((id) => !seen.has(id));
  if (missing.length === 0 && duplicated.size === 0 && unknown.size === 0) return null;
  return { missing, duplicated: [...duplicated], unknown: [...unknown] };
}

/** The 400's field messages for {@link LessonOrderProblems}. */
export function describeOrderProblems(problems: LessonOrderProblems): string[] {
  const messages: string[] = [];
  if (problems.missing.length)
    messages.push(`lessonIds leaves out lesson(s) ${problems.missing.join(', ')}`);
  if (problems.duplicated.length)
    messages.push(`lessonIds names lesson(s) ${problems.duplicated.join(', ')} more than once`);
  if (problems.unknown.length)
    messages.push(`lessonIds names ${problems.unknown.join(', ')}, not lessons of this section`);
  return messages;
}
