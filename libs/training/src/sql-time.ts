/** `2026-11-29 08:00:00.000`: a time as the connection stores it (UTC), for raw statements. */
export const sqlDateTime = (date: Date): string =>
  date.toISOString().slice(0, 23).replace('T', ' ');

/** Splits `items` into runs of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}
