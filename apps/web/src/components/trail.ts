/** A unit passed on the way down a tree of figures, for the breadcrumb back up. */
export interface Crumb {
  id: string;
  name: string;
}

/**
 * The apis read one unit and its children, never its ancestors: the way down travels in the
 * history entry's state (kept across a reload), so the breadcrumb costs no request.
 */
export function trailOf(state: unknown): Crumb[] {
  const trail = (state as { trail?: unknown } | null)?.trail;
  if (!Array.isArray(trail)) return [];
  return trail.filter(
    (crumb): crumb is Crumb =>
      typeof (crumb as Crumb).id === 'string' && typeof (crumb as Crumb).name === 'string',
  );
}
