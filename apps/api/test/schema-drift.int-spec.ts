import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { createApp } from '../src/create-app';

// Entities and migrations must describe the same schema: generating a migration against the
// migrated database must yield nothing.
describe('schema drift', () => {
  it('finds no difference between the entities and the migrated database', async () => {
    const app = await createApp(testConfig());
    try {
      const dataSource = app.get(DataSource);
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 60_000); // a whole api, then a schema read of every table, on a busy two-core machine
});
