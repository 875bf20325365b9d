import type { AppConfig } from '@lifelong/common';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { QueryLogger } from './query-logger';

export const MIGRATIONS_TABLE = 'migrations';

export type DatabaseFlavor = 'mysql' | 'mariadb';

/** The one DataSource shape every process and test uses: migrations only, never synchronize. */
export function dataSourceOptions(
  config: AppConfig,
  extra: {
    entities?: DataSourceOptions['entities'];
    database?: string;
    flavor?: DatabaseFlavor;
  } = {},
): DataSourceOptions {
  const db = config.database;
  return {
    // TypeORM reads MariaDB's catalogue differently (defaults, JSON); the wrong type shows false drift.
    type: extra.flavor ?? 'mysql',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: extra.database ?? db.name,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    poolSize: db.poolSize,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    entities: extra.entities ?? [],
    logging: ['error', 'warn'],
    logger: new QueryLogger(),
    maxQueryExecutionTime: 2_000,
  };
}
