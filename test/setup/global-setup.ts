import { loadConfig } from '@lifelong/common';
import { createDatabaseIfMissing, runMigrations } from '@lifelong/database';
import { testDatabaseName, testEnvironment } from './test-env';

/** Creates and migrates one database per jest worker, once per run. */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
    const config = loadConfig(testEnvironment(String(worker)));
    await createDatabaseIfMissing(config, testDatabaseName(String(worker)));
    await runMigrations(config);
  }
}
