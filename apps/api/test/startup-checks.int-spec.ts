import { StartupError } from '@lifelong/common';
import { createDatabaseIfMissing, dataSourceOptions } from '@lifelong/database';
import { createConnection } from 'mysql2/promise';
import { testConfig, testDatabaseName } from '../../../test/setup/test-env';
import { createApp } from '../src/create-app';

// The api refuses to start, with a message a person can act on, while the schema is behind or
// MySQL/Redis cannot be reached.
const config = testConfig();
const freshName = `${testDatabaseName()}_fresh`;
const freshUrl = config.database.url.replace(/\/[^/]+$/, `/${freshName}`);
const migrationCount = (dataSourceOptions(config).migrations as unknown[]).length;

async function refusal(overrides: Record<string, string>): Promise<string> {
  const error: unknown = await createApp(testConfig(overrides)).then(
    async (app) => {
      await app.close();
      throw new Error('the api started');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StartupError);
  return (error as StartupError).message;
}

beforeAll(async () => {
  await createDatabaseIfMissing(config, freshName);
});

afterAll(async () => {
  const { host, port, user, password } = config.database;
  const connection = await createConnection({ host, port, user, password });
  await connection.query(`DROP DATABASE IF EXISTS \`${freshName}\``);
  await connection.end();
});

describe('api start-up checks', () => {
  it('refuses an empty database, saying how many migrations, which, and what to run', async () => {
    const message = await refusal({ DATABASE_URL: freshUrl });
    expect(message).toContain(`${migrationCount} pending migration(s)`);
    expect(message).toContain('CreateUsers1764403200000');
    expect(message).toContain('npm run migrate');
  });

  it('refuses a database that does not exist yet', async () => {
    const message = await refusal({ DATABASE_URL: `${freshUrl}_missing` });
    expect(message).toMatch(/database \w+_missing does not exist on 127\.0\.0\.1:3306/);
    expect(message).toContain('npm run migrate');
  });

  it('names MySQL and Redis when they cannot be reached, where, and how to get them', async () => {
    const message = await refusal({
      DATABASE_URL: 'mysql://root:db-s3cret@127.0.0.1:3399/lifelong',
      REDIS_URL: 'redis://:redis-s3cret@127.0.0.1:6399',
    });
    expect(message).toContain('MySQL at 127.0.0.1:3399 (DATABASE_URL): connection refused');
    expect(message).toContain('Redis at 127.0.0.1:6399 (REDIS_URL): connection refused');
    expect(message).toContain('docker compose -f docker/compose.yml up -d mysql redis');
    expect(message).not.toMatch(/s3cret/);
  });
});
