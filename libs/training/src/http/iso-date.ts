/** A stored time as the api shows it: ISO 8601 in UTC, or null. */
export const iso = (date: Date | null): string | null =>
  date ? new Date(date).toISOString() : null;
