import type { AppConfig } from '@lifelong/common';
import { createDatabaseIfMissing, runMigrations } from '@lifelong/database';

/** `npm run migrate`: creates the database when missing, applies migrations, ensures the administrator. */
export async function migrate(config: AppConfig): Promise<void> {
  const { host, port, name } = config.database;
  await createDatabaseIfMissing(config);
  const applied = await runMigrations(config);
  process.stdout.write(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${name} on ${host}:${port}: ${applied.join(', ')}\n`
      : `Database ${name} on ${host}:${port} is up to date.\n`,
  );
}
