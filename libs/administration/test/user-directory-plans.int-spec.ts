import {
  directoryStatements,
  type DirectoryFilter,
  type ReaderPlaces,
} from '@lifelong/administration';
import { ManualClock, newId } from '@lifelong/common';
import { userSearchText } from '@lifelong/identity';
import { OrganizationsModule, subtreePattern } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { servicesModule } from '../../../test/support/services-module';
import { testConfig } from '../../../test/setup/test-env';

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  Extra: string;
}

// The directory answers each filter from an index on a ministry's worth of staff (checked on the
// plans of the exact statements the service runs), and finds people without diacritics.
const STAFF = 6_000;
const UNITS = 30;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Đức', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Đào', 'Giang', 'Hải', 'Khánh', 'Long', 'Mai'];

describe(`user directory at ${STAFF.toLocaleString('en')} staff`, () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  const rootPath = `/${newId()}/`;
  const unitPaths: string[] = [];

  beforeAll(async () => {
    moduleRef = await servicesModule(testConfig(), new ManualClock(), [OrganizationsModule]);
    dataSource = moduleRef.get(DataSource);
    const rootId = rootPath.slice(1, -1);
    const units: unknown[][] = [[rootId, 'ROOT', 'Bộ', null, rootPath, 1]];
    for (let index = 0; index < UNITS; index += 1) {
      const id = newId();
      unitPaths.push(`${rootPath}${id}/`);
      units.push([id, `U-${index}`, `Vụ ${index}`, rootId, `${rootPath}${id}/`, 2]);
    }
    await dataSource.query(
      'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES ?',
      [units],
    );
    const users: unknown[][] = [];
    const profiles: unknown[][] = [];
    const memberships: unknown[][] = [];
    // What the account status reads: invitations for a third of them (an import's), and a few
    // identities linked at a provider.
    const invitations: unknown[][] = [];
    const identities: unknown[][] = [];
    for (let index = 0; index < STAFF; index += 1) {
      const id = newId();
      const name = `${FAMILY[index % 8]} ${MIDDLE[(index >> 3) % 6]} ${GIVEN[(index >> 5) % 10]} ${index}`;
      const email = `staff.${index}@example.vn`;
      users.push([id, email, name, userSearchText(name, email)]);
      profiles.push([id, `NV-${String(index).padStart(5, '0')}`]);
      const unitId = unitPaths[index % UNITS]!.split('/').at(-2);
      memberships.push([newId(), id, unitId, '2026-01-01 00:00:00', id]);
      if (index % 3 === 0)
        invitations.push([
          newId(),
          id,
          'invitation',
          newId().replace(/-/g, '').padEnd(64, '0'),
          '2026-01-01 00:00:00',
          '2026-01-08 00:00:00',
        ]);
      if (index % 50 === 0)
        identities.push([newId(), id, 'https://id.example.vn', id, 'gov', '2026-01-01']);
    }
    for (let start = 0; start < STAFF; start += 1_000) {
      await dataSource.query(
        'INSERT INTO `users` (`id`, `email`, `full_name`, `search_text`) VALUES ?',
        [users.slice(start, start + 1_000)],
      );
      await dataSource.query('INSERT INTO `staff_profiles` (`user_id`, `employee_code`) VALUES ?', [
        profiles.slice(start, start + 1_000),
      ]);
      await dataSource.query(
        'INSERT INTO `memberships` (`id`, `user_id`, `org_unit_id`, `started_at`, `current_user_id`) VALUES ?',
        [memberships.slice(start, start + 1_000)],
      );
    }
    await dataSource.query(
      'INSERT INTO `account_tokens` (`id`, `user_id`, `purpose`, `token_hash`, `created_at`, `expires_at`) VALUES ?',
      [invitations],
    );
    await dataSource.query(
      'INSERT INTO `user_identities` (`id`, `user_id`, `issuer`, `subject`, `provider_id`, `last_sign_in_at`) VALUES ?',
      [identities],
    );
    for (const table of [
      'users',
      'staff_profiles',
      'memberships',
      'org_units',
      'account_tokens',
      'user_identities',
    ])
      await dataSource.query(`ANALYZE TABLE \`${table}\``);
  }, 120_000);

  afterAll(() => moduleRef.close());

  const EVERYWHERE: ReaderPlaces = { everywhere: true };
  const managerOf = (path: string): ReaderPlaces => ({
    everywhere: false,
    orgUnitPaths: [path],
    orgUnitPatterns: [subtreePattern(path)],
    adminUnitPatterns: [],
    facilityIds: [],
  });

  const statements = (filter: DirectoryFilter, places: ReaderPlaces = EVERYWHERE) => {
    const built = directoryStatements(filter, places, { page: 1, pageSize: 20 }, new Date());
    if (!built) throw new Error('no statements');
    return built;
  };

  async function plans(
    filter: DirectoryFilter,
    places: ReaderPlaces = EVERYWHERE,
  ): Promise<PlanRow[][]> {
    const { items, count } = statements(filter, places);
    return Promise.all(
      [items, count].map((statement) =>
        dataSource.query<PlanRow[]>(`EXPLAIN ${statement.sql}`, statement.params),
      ),
    );
  }

  /** No base table read whole: derived tables (the materialized text matches) are small. */
  const noFullScan = (plan: PlanRow[]) =>
    expect(
      plan.filter((row) => !row.table.startsWith('<') && (row.type === 'ALL' || row.key === null)),
    ).toEqual([]);

  const names = async (
    filter: DirectoryFilter,
    places: ReaderPlaces = EVERYWHERE,
  ): Promise<string[]> => {
    const { items } = statements(filter, places);
    const rows = await dataSource.query<{ fullName: string }[]>(items.sql, items.params);
    return rows.map((row) => row.fullName);
  };

  it('finds "Đặng Đức Đào" typed as "dang duc dao", through the FULLTEXT index', async () => {
    const found = await names({ q: 'dang duc dao' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((name) => name.startsWith('Đặng Đức Đào '))).toBe(true);
    for (const plan of await plans({ q: 'dang duc dao' })) {
      noFullScan(plan);
      expect(plan).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ table: 'users', type: 'fulltext', key: 'ix_users_search' }),
        ]),
      );
    }
  });

  it('finds an employee code by its start, through its unique index', async () => {
    expect(await names({ q: 'nv-01234' })).toEqual([expect.stringMatching(/ 1234$/)]);
    for (const plan of await plans({ q: 'NV-0123' })) noFullScan(plan);
  });

  it('lists everyone in name order from the name index, and a unit subtree by its path', async () => {
    const [items] = await plans({});
    // The page is the name index's first rows through the view, not a sort of everyone.
    expect(items![0]).toMatchObject({ table: 'users', key: 'ix_users_name' });
    expect(items!.filter((row) => row.Extra.includes('filesort'))).toEqual([]);
    noFullScan(items!);
    const unit = unitPaths[3]!;
    for (const plan of await plans({ orgUnitPattern: subtreePattern(unit) })) noFullScan(plan);
    for (const plan of await plans({ q: 'nguyen' }, managerOf(unit))) noFullScan(plan);
    // Unit 0 holds every 30th person: among them Nguyễn Văn … (every 240th), nobody else's staff.
    const own = await names({ q: 'nguyen van' }, managerOf(unitPaths[0]!));
    expect(own).toHaveLength(20); // the first page of them
    expect(own.every((name) => name.startsWith('Nguyễn Văn '))).toBe(true);
    const ownCount = statements({ q: 'nguyen van' }, managerOf(unitPaths[0]!)).count;
    const [total] = await dataSource.query<{ total: string }[]>(ownCount.sql, ownCount.params);
    expect(Number(total?.total)).toBe(STAFF / 240);
    const inUnit = statements({}, managerOf(unit)).count;
    const [counted] = await dataSource.query<{ total: string }[]>(inUnit.sql, inUnit.params);
    expect(Number(counted?.total)).toBe(STAFF / UNITS);
  });
});
