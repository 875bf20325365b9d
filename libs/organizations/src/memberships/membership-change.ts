/** What a person's placement is, or should become. */
export interface Placement {
  orgUnitId: string;
  position: string | null;
  jobGrade: string | null;
}

/**
 * How a wanted placement changes a person's current membership: `start` when they have none,
 * `unchanged` when it already says the same, else `move` (end the current one, start anew, so
 * history shows every unit, position and grade they held).
 */
export function membershipChange(
  current: Placement | null | undefined,
  wanted: Placement,
): 'start' | 'unchanged' | 'move' {
  if (!current) return 'start';
  const same =
    current.orgUnitId === wanted.orgUnitId &&
    current.position === wanted.position &&
    current.jobGrade === wanted.jobGrade;
  return same ? 'unchanged' : 'move';
}
