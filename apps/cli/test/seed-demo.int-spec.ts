import { DataSource } from 'typeorm';
import { dataSourceOptions, detectFlavor } from '@lifelong/database';
import { periodsOf } from '@lifelong/monitoring';
import { FACILITY_TYPES } from '@lifelong/organizations';
import { ROLES } from '@lifelong/identity';
import { testConfig } from '../../../test/setup/test-env';
import { quietly } from '../../../test/support/quietly';
import { rowCounts } from '../../../test/support/row-counts';
import { migrate } from '../src/migrate.command';
import { seedDemo } from '../src/seed-demo.command';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data';

const config = testConfig();

describe('npm run seed:demo', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await quietly(() => migrate(config));
    dataSource = new DataSource(dataSourceOptions(config, { flavor: await detectFlavor(config) }));
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  it('loads facilities of every type, users in every role and staff, and a second run changes nothing', async () => {
    await quietly(() => seedDemo(config));
    const first = await rowCounts(dataSource);

    const types = await dataSource.query<{ type: string }[]>(
      'SELECT DISTINCT type FROM facilities',
    );
    expect(types.map((row) => row.type).sort()).toEqual([...FACILITY_TYPES].sort());
    const roles = await dataSource.query<{ role: string }[]>(
      'SELECT DISTINCT role FROM user_roles',
    );
    expect(roles.map((row) => row.role).sort()).toEqual([...ROLES].sort());
    expect(first.memberships).toBeGreaterThanOrEqual(50);
    // An agency at every level, so the trained civil servants have a figure per level.
    const levels = await dataSource.query<{ level: string }[]>(
      "SELECT `level` FROM `org_units` WHERE `code` IN ('BGDDT', 'SGDDT-HN', 'PGDDT-BADINH', 'UBND-PHUCXA') ORDER BY `level`",
    );
    expect(levels.map((row) => row.level)).toEqual(['central', 'province', 'district', 'commune']);
    const names = await dataSource.query<{ name: string }[]>(
      `SELECT name FROM admin_units WHERE code = 'VN-01'`,
    );
    expect(names[0]?.name).toBe('Thành phố Hà Nội');
    // One inspection planned, one published with an open and an overdue follow-up action.
    const inspections = await dataSource.query<{ status: string; actions: string }[]>(
      'SELECT i.`status`, COUNT(a.`id`) AS actions FROM `monitoring_inspections` i ' +
        'LEFT JOIN `monitoring_inspection_actions` a ON a.`inspection_id` = i.`id` ' +
        'GROUP BY i.`id`, i.`status` ORDER BY i.`status`',
    );
    expect(inspections.map((row) => [row.status, Number(row.actions)])).toEqual([
      ['planned', 0],
      ['published', 2],
    ]);
    // The public figures count the demo's activity already, before any worker has run.
    const [country] = await dataSource.query<{ enrollments: number; facilities: number }[]>(
      "SELECT `enrollments`, `facilities` FROM `monitoring_figures` WHERE `admin_unit_id` = '' AND `facility_type` = '' AND `period` = ?",
      [periodsOf(new Date())[0]],
    );
    expect(Number(country?.enrollments)).toBeGreaterThan(0);
    expect(Number(country?.facilities)).toBe(first.facilities);

    expect(await quietly(() => seedDemo(config))).toContain('nothing changed');
    expect(await rowCounts(dataSource)).toEqual(first);
  }, 180_000);

  it('lets every documented demo account sign in with the documented password', async () => {
    const { createApp } = await import('../../api/src/create-app');
    const app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.getHttpServer().address() as { port: number };
      for (const account of DEMO_ACCOUNTS) {
        const response = await fetch(`http://127.0.0.1:${address.port}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: account.email, password: DEMO_PASSWORD }),
        });
        expect({ email: account.email, status: response.status }).toEqual({
          email: account.email,
          status: 200,
        });
      }
    } finally {
      await app.close();
    }
  });
});
