/**
 * `2026-11-29 08:00:00.000`: a time as a `datetime(3)` column holds it (UTC), for raw multi-row
 * statements where the value is spliced in as text.
 */
export const sqlDateTime = (date: Date): string =>
  date.toISOString().slice(0, 23).replace('T', ' ');
