import { createDatabaseIfMissing, dataSourceOptions, detectFlavor } from '@lifelong/database';
import { DataSource } from 'typeorm';
import { testConfig, testDatabaseName } from '../../../test/setup/test-env';
import { Readiness } from '../src/ops/readiness.service';

const config = testConfig();
const freshName = `${testDatabaseName()}_fresh_ready`;
const opened: { close(): Promise<unknown> }[] = [];

async function dataSourceOn(database?: string): Promise<DataSource> {
  const dataSource = new DataSource(
    dataSourceOptions(config, { database, flavor: await detectFlavor(config) }),
  );
  await dataSource.initialize();
  opened.push({ close: () => dataSource.destroy() });
  return dataSource;
}

function readinessOf(dataSource: DataSource, redisUrl = config.redis.url): Readiness {
  const readiness = new Readiness(dataSource, testConfig({ REDIS_URL: redisUrl }));
  opened.push({ close: () => Promise.resolve(readiness.onModuleDestroy()) });
  return readiness;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((resource) => resource.close()));
});

afterAll(async () => {
  const dataSource = await dataSourceOn();
  await dataSource.query(`DROP DATABASE IF EXISTS \`${freshName}\``);
  await dataSource.destroy();
  opened.length = 0;
});

describe('readiness', () => {
  it('is ready when the database, Redis and the schema are', async () => {
    const readiness = readinessOf(await dataSourceOn());
    expect(await readiness.check()).toEqual({
      ready: true,
      checks: { database: 'ok', redis: 'ok', migrations: 'ok' },
    });
  });

  it('names Redis when it does not answer', async () => {
    const readiness = readinessOf(await dataSourceOn(), 'redis://127.0.0.1:6399');
    const { ready, checks } = await readiness.check();
    expect(ready).toBe(false);
    expect(checks).toMatchObject({ database: 'ok', migrations: 'ok' });
    expect(checks.redis).toMatch(/^down: /);
  });

  it('names pending migrations', async () => {
    await createDatabaseIfMissing(config, freshName);
    const readiness = readinessOf(await dataSourceOn(freshName));
    const { ready, checks } = await readiness.check();
    expect(ready).toBe(false);
    expect(checks.migrations).toMatch(/^\d+ pending: CreateUsers1764403200000/);
  });
});
