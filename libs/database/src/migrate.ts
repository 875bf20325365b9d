import type { AppConfig } from '@lifelong/common';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { type DatabaseFlavor, dataSourceOptions, MIGRATIONS_TABLE } from './data-source-options';

/** The server answering at DATABASE_URL: MySQL or MariaDB (both are supported). */
export async function detectFlavor(config: AppConfig): Promise<DatabaseFlavor> {
  const { host, port, user, password } = config.database;
  const connection = await createConnection({ host, port, user, password, connectTimeout: 5_000 });
  try {
    const [rows] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS version');
    return String(rows[0]?.version ?? '')
      .toLowerCase()
      .includes('mariadb')
      ? 'mariadb'
      : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Creates the configured database (utf8mb4) when it does not exist yet. */
export async function createDatabaseIfMissing(
  config: AppConfig,
  name = config.database.name,
): Promise<void> {
  const { host, port, user, password } = config.database;
  const connection = await createConnection({ host, port, user, password });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** Applies every pending migration; returns the names applied. */
export async function runMigrations(config: AppConfig, database?: string): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions(config, { database, flavor: await detectFlavor(config) }),
  );
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Names of migrations the database has not applied yet (all of them on an empty database). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const [table] = await dataSource.query<unknown[]>(
    'SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?',
    [MIGRATIONS_TABLE],
  );
  const rows = table
    ? await dataSource.query<{ name: string }[]>(`SELECT name FROM \`${MIGRATIONS_TABLE}\``)
    : [];
  const applied = new Set(rows.map((row) => row.name));
  return dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !applied.has(name));
}
