import { type AppConfig, StartupError } from '@lifelong/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { detectFlavor, pendingMigrations } from '../migrate';
import { MigrationsPendingError } from '../readiness';
import { describeUnreachable, probeServices } from './service-probe';

const ER_BAD_DB_ERROR = 'ER_BAD_DB_ERROR';

async function pendingMigrationsOf(config: AppConfig): Promise<string[]> {
  const small = { ...config, database: { ...config.database, poolSize: 1 } };
  const dataSource = new DataSource(
    dataSourceOptions(small, { flavor: await detectFlavor(config) }),
  );
  try {
    await dataSource.initialize();
  } catch (error) {
    if ((error as { code?: unknown }).code !== ER_BAD_DB_ERROR) throw error;
    const { name, host, port } = config.database;
    throw new StartupError(
      `Lifelong cannot start: database ${name} does not exist on ${host}:${port}. Run \`npm run migrate\` to create it.`,
    );
  }
  try {
    return await pendingMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * What api and worker check before they build anything: MySQL and Redis answer, and the
 * schema is not behind the code. Throws StartupError otherwise.
 */
export async function preflight(config: AppConfig): Promise<void> {
  const unreachable = await probeServices(config);
  if (unreachable.length > 0) throw new StartupError(describeUnreachable(unreachable));
  const pending = await pendingMigrationsOf(config);
  if (pending.length > 0) {
    throw new StartupError(`Lifelong cannot start: ${new MigrationsPendingError(pending).message}`);
  }
}
