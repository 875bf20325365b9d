import type { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from './data-source-options';

/** Empties every table but the migrations log: integration tests start each file from nothing. */
export async function truncateAllTables(dataSource: DataSource): Promise<void> {
  const rows: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> ?`,
    [MIGRATIONS_TABLE],
  );
  if (rows.length === 0) return;
  await dataSource.transaction(async (manager) => {
    await manager.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { name } of rows) await manager.query(`TRUNCATE TABLE \`${name}\``);
    await manager.query('SET FOREIGN_KEY_CHECKS = 1');
  });
}
