import type { DataSource } from 'typeorm';

/** Rows removed per statement: each delete holds its locks for a moment, never for a backlog. */
export const HOUSEKEEPING_BATCH = 1_000;

/**
 * Deletes the rows of `table` whose `column` (indexed, a datetime) is before `cutoff`, a batch
 * at a time until none is left, and returns how many went. Each batch reads its ids first (a
 * plain read, no locks) and deletes by primary key, so rows that are still live are never
 * locked; the condition is checked again on delete, so a row that changed meanwhile stays.
 * Safe to run twice at once: the second run deletes what the first left.
 */
export async function deleteInBatches(
  dataSource: DataSource,
  target: { table: string; column: string; cutoff: Date },
  batchSize = HOUSEKEEPING_BATCH,
): Promise<number> {
  const table = quoted(target.table);
  const column = quoted(target.column);
  let deleted = 0;
  for (;;) {
    const rows = await dataSource.query<{ id: string }[]>(
      `SELECT \`id\` FROM ${table} WHERE ${column} < ? ORDER BY ${column} LIMIT ?`,
      [target.cutoff, batchSize],
    );
    if (rows.length === 0) return deleted;
    const result = await dataSource.query<{ affectedRows: number }>(
      `DELETE FROM ${table} WHERE \`id\` IN (?) AND ${column} < ?`,
      [rows.map((row) => row.id), target.cutoff],
    );
    deleted += result.affectedRows;
    if (rows.length < batchSize) return deleted;
  }
}

/** Table and column names come from code, never from input; this keeps them identifiers. */
function quoted(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Not a table or column name: ${name}`);
  return `\`${name}\``;
}
