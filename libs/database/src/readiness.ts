import type { DataSource } from 'typeorm';
import { pendingMigrations } from './migrate';

/** Thrown at start when the schema is behind the code. */
export class MigrationsPendingError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `The database has ${pending.length} pending migration(s): ${pending.join(', ')}. Run \`npm run migrate\` first.`,
    );
    this.name = 'MigrationsPendingError';
  }
}

/** api and worker call this before serving: they refuse to run against a schema that is behind. */
export async function assertSchemaCurrent(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) throw new MigrationsPendingError(pending);
}
