import type { DataSource } from 'typeorm';

/**
 * Rows per table (every table but the migrations log when none are named): what "a second run
 * changes nothing" compares.
 */
export async function rowCounts(
  dataSource: DataSource,
  tables?: readonly string[],
): Promise<Record<string, number>> {
  const names =
    tables ??
    (
      await dataSource.query<{ name: string }[]>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = DATABASE() AND table_name <> 'migrations' ORDER BY table_name`,
      )
    ).map((row) => row.name);
  const counts: Record<string, number> = {};
  for (const name of names) {
    const [row] = await dataSource.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM \`${name}\``);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}
