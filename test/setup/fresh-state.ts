import { dataSourceOptions, detectFlavor, truncateAllTables } from '@lifelong/database';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { closeStarted } from '../support/closed-at-end';
import { testConfig } from './test-env';

// Every test file starts from empty tables and empty queues of its own worker.
beforeAll(async () => {
  const config = testConfig();
  const dataSource = new DataSource(
    dataSourceOptions(config, { flavor: await detectFlavor(config) }),
  );
  await dataSource.initialize();
  try {
    await truncateAllTables(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${config.queues.prefix}:*`,
        'COUNT',
        1000,
      );
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
});

// Whatever the file started is closed, even a start that outlived its hook's timeout.
afterAll(closeStarted);
