import { useIntersection } from '@mantine/hooks';
import { useState } from 'react';

/** How far below the screen a section starts loading: a quick scroll never waits for it. */
const AHEAD = '600px';

/**
 * Whether the element (`ref`) has come near the screen, once: a section below the fold fetches
 * and renders its data when someone scrolls towards it, not while the page they are looking at
 * loads on a slow phone.
 */
export function useSeenOnce() {
  const { ref, entry } = useIntersection({ rootMargin: AHEAD });
  const [seen, setSeen] = useState(false);
  if (!seen && entry?.isIntersecting) setSeen(true);
  return { ref, seen };
}
