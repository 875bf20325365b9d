import { rm } from 'node:fs/promises';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { reapChildren } from '../support/child-registry';
import { testConfig, testDatabaseName, testMailDir } from './test-env';

/**
 * Leaves nothing of the run behind: child processes a failed test did not stop (a worker would
 * go on running its queues), then every database global setup made, with those tests made
 * beside them (`<name>_fresh…`, `<name>_raw`), and the .eml files of mail sent without SMTP. The
 * next run builds its own from nothing anyway.
 */
export default async function globalTeardown(globalConfig: { maxWorkers: number }): Promise<void> {
  reapChildren();
  exitIfHeldOpen();
  const workers = Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, (_, index) =>
    String(index + 1),
  );
  for (const worker of workers) await rm(testMailDir(worker), { recursive: true, force: true });
  const config = testConfig({}, '1');
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

/**
 * Jest waits for its process to go quiet on its own, and the files run inside it: a connection a
 * test left open (a start that outlived its hook, say) would hold the run, and CI, for ever. A
 * minute after the results are written, this names what is still open and ends the process with
 * jest's own exit code. The timer is unref'd: a run that ends normally never sees it.
 */
function exitIfHeldOpen(): void {
  setTimeout(() => {
    const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap');
    process.stderr.write(
      `Jest was still held open a minute after its run, by: ${open.join(', ')}. ` +
        'A test left a connection or timer open (try --detectOpenHandles); ending the run.\n',
    );
    process.exit();
  }, 60_000).unref();
}
