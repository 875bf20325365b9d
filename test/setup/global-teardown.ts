import { rm } from 'node:fs/promises';
import { loadConfig } from '@lifelong/common';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { reapChildren } from '../support/child-registry';
import { testDatabaseName, testEnvironment, testMailDir } from './test-env';

/**
 * Leaves nothing of the run behind: child processes a failed test did not stop (a worker would
 * go on running its queues), then every database global setup made, with those tests made
 * beside them (`<name>_fresh…`, `<name>_raw`), and the .eml files of mail sent without SMTP. The
 * next run builds its own from nothing anyway.
 */
export default async function globalTeardown(globalConfig: { maxWorkers: number }): Promise<void> {
  reapChildren();
  const workers = Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, (_, index) =>
    String(index + 1),
  );
  for (const worker of workers) await rm(testMailDir(worker), { recursive: true, force: true });
  const config = loadConfig(testEnvironment('1'));
  const { host, port, user, password } = config.database;
  const connection = await createConnection({ host, port, user, password });
  try {
    const bases = workers.map((worker) => testDatabaseName(worker));
    const [rows] =
      await connection.query<({ Database: string } & RowDataPacket)[]>('SHOW DATABASES');
    for (const { Database: name } of rows)
      if (bases.some((base) => name === base || name.startsWith(`${base}_`)))
        await connection.query(`DROP DATABASE IF EXISTS \`${name.replace(/`/g, '')}\``);
  } finally {
    await connection.end();
  }
}
