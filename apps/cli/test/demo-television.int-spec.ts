import { dataSourceOptions, detectFlavor } from '@lifelong/database';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { quietly } from '../../../test/support/quietly';
import { rowCounts } from '../../../test/support/row-counts';
import { migrate } from '../src/migrate.command';
import { seedDemo } from '../src/seed-demo.command';

const config = testConfig();

describe('demo television', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await quietly(() => migrate(config));
    dataSource = new DataSource(dataSourceOptions(config, { flavor: await detectFlavor(config) }));
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  it('airs a week of the demo courses on an education and a provincial channel, once', async () => {
    await quietly(() => seedDemo(config));
    const slots = await dataSource.query<
      { code: string; n: string; first: Date; last: Date; lessons: string }[]
    >(
      `SELECT c.code, COUNT(*) AS n, MIN(b.starts_at) AS first, MAX(b.starts_at) AS last,
              COUNT(DISTINCT b.lesson_id) AS lessons
         FROM broadcasts b JOIN channels c ON c.id = b.channel_id
        WHERE b.status = 'scheduled' GROUP BY c.code ORDER BY c.code`,
    );
    expect(slots.map((row) => [row.code, Number(row.n)])).toEqual([
      ['TNTV', 7],
      ['VTV7', 14],
    ]);
    for (const row of slots) {
      expect(new Date(row.last).getTime() - new Date(row.first).getTime()).toBeLessThan(
        7 * 86_400_000,
      );
      expect(Number(row.lessons)).toBeGreaterThanOrEqual(4);
      // From tomorrow: the public schedule's default (the week ahead) is never empty.
      expect(new Date(row.first).getTime()).toBeGreaterThan(Date.now());
      expect(new Date(row.first).getTime() - Date.now()).toBeLessThan(2 * 86_400_000);
    }
    const counts = () => rowCounts(dataSource, ['channels', 'broadcasts']);
    const first = await counts();
    await quietly(() => seedDemo(config));
    expect(await counts()).toEqual(first);
  }, 180_000);
});
