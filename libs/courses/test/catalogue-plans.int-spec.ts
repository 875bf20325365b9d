import { searchQuery, tagKey } from '@lifelong/common';
import {
  catalogueStatements,
  catalogueTagsStatements,
  type CatalogueCriteria,
} from '@lifelong/courses';
import { subtreePattern } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { type CourseVolume, loadCourseVolume } from '../../../test/support/course-volume';
import { coursesModule } from './courses-testing';

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: string | number;
}

// The catalogue must answer every filter from an index at national scale, never by reading all
// courses: checked on the plans of the exact statements the service runs.
describe('catalogue query plans at 20,000 courses', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let volume: CourseVolume;

  beforeAll(async () => {
    moduleRef = await coursesModule();
    dataSource = moduleRef.get(DataSource);
    volume = await loadCourseVolume((sql, params) => dataSource.query(sql, params), {
      courses: 20_000,
    });
    for (const table of ['courses', 'course_tags', 'facilities', 'admin_units'])
      await dataSource.query(`ANALYZE TABLE \`${table}\``);
  }, 120_000);

  afterAll(() => moduleRef.close());

  async function plans(criteria: CatalogueCriteria): Promise<PlanRow[][]> {
    const { items, count } = catalogueStatements(criteria, { offset: 0, limit: 20 });
    return Promise.all(
      [items, count].map((statement) =>
        dataSource.query<PlanRow[]>(`EXPLAIN ${statement.sql}`, statement.params),
      ),
    );
  }

  const pathOf = async (id: string): Promise<string> =>
    (
      await dataSource.query<{ path: string }[]>(
        'SELECT `path` FROM `admin_units` WHERE `id` = ?',
        [id],
      )
    )[0]!.path;

  const noFullScan = (plan: PlanRow[]) =>
    expect(plan.filter((row) => row.type === 'ALL' || row.key === null)).toEqual([]);

  it('answers a text search from the FULLTEXT index', async () => {
    for (const plan of await plans({ match: searchQuery('hoc tap suot doi') })) {
      expect(plan).toEqual([
        expect.objectContaining({ table: 'c', type: 'fulltext', key: 'ix_courses_search' }),
      ]);
    }
  });

  it('lists the catalogue in order from its index', async () => {
    for (const plan of await plans({ match: null })) {
      noFullScan(plan);
      expect(plan[0]).toMatchObject({ table: 'c', key: 'ix_courses_catalogue' });
    }
  });

  it('reads one facility through its index', async () => {
    for (const plan of await plans({ match: null, facilityId: volume.facilityIds[7] })) {
      noFullScan(plan);
      expect(plan[0]).toMatchObject({ table: 'c', key: 'ix_courses_facility' });
    }
  });

  it('reads a commune’s subtree through the path index, then facilities and courses by index', async () => {
    const pattern = subtreePattern(await pathOf(volume.communeIds[33]!));
    for (const plan of await plans({ match: null, adminUnitPattern: pattern })) {
      noFullScan(plan);
      expect(plan.find((row) => row.table === 'u')).toMatchObject({ key: 'ix_admin_units_path' });
      expect(plan.find((row) => row.table === 'c')).toMatchObject({ key: 'ix_courses_facility' });
    }
  });

  it('never scans the courses for a province’s subtree', async () => {
    const pattern = subtreePattern(await pathOf(volume.provinceIds[4]!));
    for (const plan of await plans({ match: null, adminUnitPattern: pattern })) noFullScan(plan);
  });

  it('filters by tag through an index of course_tags (by tag, or by course in catalogue order)', async () => {
    for (const plan of await plans({ match: null, tagKey: tagKey('Nông nghiệp') })) {
      noFullScan(plan);
      expect(['ix_course_tags_tag', 'PRIMARY']).toContain(
        plan.find((row) => row.table === 't')?.key,
      );
    }
  });

  it('filters by the kind of facility from indexes only', async () => {
    for (const plan of await plans({ match: null, facilityType: 'community_learning_center' })) {
      noFullScan(plan);
      expect(['PRIMARY', 'ix_facilities_type']).toContain(
        plan.find((row) => row.table === 'f')?.key,
      );
    }
  });

  it('lists the catalogue’s tags from indexes only', async () => {
    const { items, count } = catalogueTagsStatements({ offset: 0, limit: 100 });
    for (const statement of [items, count])
      noFullScan(await dataSource.query<PlanRow[]>(`EXPLAIN ${statement.sql}`, statement.params));
  });

  it('keeps the full-text plan when text and a subtree are combined', async () => {
    const pattern = subtreePattern(await pathOf(volume.provinceIds[2]!));
    for (const plan of await plans({
      match: searchQuery('ky nang so'),
      adminUnitPattern: pattern,
    })) {
      noFullScan(plan);
      expect(plan.find((row) => row.table === 'c')?.type).toMatch(/fulltext|ref|eq_ref/);
    }
  });
});
