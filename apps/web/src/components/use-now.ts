import { useEffect, useState } from 'react';

/**
 * The time now, as state that moves every `everyMs`: a render stays pure (no clock read while
 * rendering) and what depends on the time (an airing begins, enrolment opens) still follows it.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
