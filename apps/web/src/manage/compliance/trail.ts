/** A unit passed on the way down, for the breadcrumb back up. */
export interface Crumb {
  orgUnitId: string;
  name: string;
}

export const drillDown = (orgUnitId: string): string =>
  `/manage/compliance?orgUnitId=${encodeURIComponent(orgUnitId)}`;

/**
 * The api reads one unit and its children, never its ancestors: the way down travels in the
 * history entry's state (kept across a reload), so the breadcrumb costs no request.
 */
export function trailOf(state: unknown): Crumb[] {
  const trail = (state as { trail?: unknown } | null)?.trail;
  if (!Array.isArray(trail)) return [];
  return trail.filter(
    (crumb): crumb is Crumb =>
      typeof (crumb as Crumb).orgUnitId === 'string' && typeof (crumb as Crumb).name === 'string',
  );
}
