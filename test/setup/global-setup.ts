import { createDatabaseIfMissing, runMigrations } from '@lifelong/database';
import { createConnection } from 'mysql2/promise';
import { testConfig, testDatabaseName } from './test-env';

/**
 * Creates and migrates one database per jest worker, once per run, from nothing: a database left
 * by an earlier checkout (a migration since edited, or one this checkout does not have) would
 * have the tests run against a schema the migrations no longer build.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
    const config = testConfig({}, String(worker));
    const name = testDatabaseName(String(worker));
    const { host, port, user, password } = config.database;
    const connection = await createConnection({ host, port, user, password });
    try {
      await connection.query(`DROP DATABASE IF EXISTS \`${name.replace(/`/g, '')}\``);
    } finally {
      await connection.end();
    }
    await createDatabaseIfMissing(config, name);
    await runMigrations(config);
  }
}
