import { StartupError } from '@lifelong/common';
import { createDatabaseIfMissing } from '@lifelong/database';
import { createConnection } from 'mysql2/promise';
import { testConfig, testDatabaseName } from '../../../test/setup/test-env';
import { createTestWorker } from '../../../test/support/test-worker';

const config = testConfig();
const freshName = `${testDatabaseName()}_fresh_worker`;

beforeAll(async () => {
  await createDatabaseIfMissing(config, freshName);
});

afterAll(async () => {
  const { host, port, user, password } = config.database;
  const connection = await createConnection({ host, port, user, password });
  await connection.query(`DROP DATABASE IF EXISTS \`${freshName}\``);
  await connection.end();
});

describe('worker start-up checks', () => {
  it('refuses to run jobs against a database whose migrations are pending', async () => {
    const url = config.database.url.replace(/\/[^/]+$/, `/${freshName}`);
    const refusal = createTestWorker(testConfig({ DATABASE_URL: url }));
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    await expect(refusal).rejects.toThrow(
      /pending migration\(s\): CreateUsers1764403200000.*npm run migrate/s,
    );
  });
});
