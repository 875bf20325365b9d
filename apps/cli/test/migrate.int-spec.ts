import { DataSource } from 'typeorm';
import { dataSourceOptions, detectFlavor } from '@lifelong/database';
import { testConfig } from '../../../test/setup/test-env';
import { migrate } from '../src/migrate.command';

const config = testConfig();

async function runMigrate(): Promise<string> {
  const output: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.push(String(chunk));
    return true;
  });
  try {
    await migrate(config);
  } finally {
    write.mockRestore();
  }
  return output.join('');
}

describe('npm run migrate', () => {
  it('ensures the administrator once, and says so', async () => {
    expect(await runMigrate()).toContain(`Administrator ${config.admin.email}: created.`);
    expect(await runMigrate()).toContain(`Administrator ${config.admin.email}: already present.`);

    const dataSource = new DataSource(
      dataSourceOptions(config, { flavor: await detectFlavor(config) }),
    );
    await dataSource.initialize();
    try {
      const rows = await dataSource.query<
        { password_hash: string; role: string; scope_type: string }[]
      >(
        `SELECT u.password_hash, r.role, r.scope_type FROM users u JOIN user_roles r ON r.user_id = u.id
          WHERE u.email = ? ORDER BY r.role`,
        [config.admin.email],
      );
      expect(rows.map(({ role, scope_type }) => [role, scope_type])).toEqual([
        ['admin', ''],
        ['learner', ''],
      ]);
      expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await dataSource.destroy();
    }
  });
});
