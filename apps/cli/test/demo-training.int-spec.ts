import { dataSourceOptions, detectFlavor } from '@lifelong/database';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { quietly } from '../../../test/support/quietly';
import { rowCounts } from '../../../test/support/row-counts';
import { migrate } from '../src/migrate.command';
import { seedDemo } from '../src/seed-demo.command';

const config = testConfig();

describe('demo mandated training', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await quietly(() => migrate(config));
    dataSource = new DataSource(dataSourceOptions(config, { flavor: await detectFlavor(config) }));
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  const counts = (): Promise<Record<string, number>> =>
    rowCounts(dataSource, [
      'training_requirements',
      'training_assignments',
      'enrollments',
      'memberships',
      'outbox_events',
    ]);

  it('gives the ministry a few hundred staff in every state, and a second run adds nothing', async () => {
    await quietly(() => seedDemo(config));
    const first = await counts();
    expect(first.training_requirements).toBe(2);
    const [staff] = await dataSource.query<{ n: string }[]>(
      "SELECT COUNT(*) AS n FROM `memberships` m JOIN `org_units` u ON u.`id` = m.`org_unit_id` WHERE m.`ended_at` IS NULL AND u.`code` LIKE 'BGDDT%'",
    );
    expect(Number(staff?.n)).toBeGreaterThanOrEqual(250);
    const statuses = await dataSource.query<{ status: string; n: string }[]>(
      'SELECT `status`, COUNT(*) AS n FROM `training_assignments` WHERE `closed_at` IS NULL GROUP BY `status`',
    );
    expect(statuses.map((row) => row.status).sort()).toEqual(
      ['assigned', 'completed', 'expired', 'in_progress', 'overdue'].sort(),
    );
    expect(statuses.every((row) => Number(row.n) > 0)).toBe(true);

    expect(await quietly(() => seedDemo(config))).toContain('nothing changed');
    expect(await counts()).toEqual(first);
  }, 180_000);
});
