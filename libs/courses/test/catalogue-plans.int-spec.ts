import { searchWords, tagKey } from '@lifelong/common';
import {
  CourseCatalogue,
  catalogueStatements,
  catalogueTagsStatements,
  type CatalogueCriteria,
  rareWord,
  wordCountsStatement,
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

  /**
   * The plans of the page's and the count's statements, inside their outer shells: both wrap the
   * filtered read in a derived table (the page's ids, or the capped rows) read by the outer
   * query, at most a page or the cap.
   */
  async function plans(criteria: CatalogueCriteria): Promise<PlanRow[][]> {
    const { items, count } = catalogueStatements(criteria, { offset: 0, limit: 20 });
    return Promise.all(
      [items, count].map(async (statement) =>
        (
          await dataSource.query<(PlanRow & { select_type: string })[]>(
            `EXPLAIN ${statement.sql}`,
            statement.params,
          )
        ).filter((row) => row.select_type !== 'PRIMARY'),
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

  /** The criteria the service builds for `q`: with the word to start from when one is rare. */
  async function textCriteria(q: string): Promise<CatalogueCriteria> {
    const text = searchWords(q)!;
    const counts = wordCountsStatement(text);
    const [row] = await dataSource.query<Record<string, string>[]>(counts.sql, counts.params);
    return {
      text,
      start: rareWord(
        text,
        Object.keys(row!).map((key) => Number(row![key])),
      ),
    };
  }

  it('walks the catalogue in order for a broad search, checking each word by primary key', async () => {
    const criteria = await textCriteria('hoc tap suot doi');
    expect(criteria.start).toBeUndefined();
    for (const plan of await plans(criteria)) {
      noFullScan(plan);
      expect(plan[0]).toMatchObject({ table: 'c', key: 'ix_courses_catalogue' });
      expect(plan.filter((row) => row.table === 's').map((row) => row.key)).toEqual(
        Array(4).fill('PRIMARY'),
      );
    }
  });

  it('starts a narrow search from its rarest word, by the word index', async () => {
    const criteria = await textCriteria('hoc tap khoa 1234');
    expect(criteria.start).toEqual({ term: '1234', prefix: true });
    for (const plan of await plans(criteria)) {
      noFullScan(plan.filter((row) => !row.table.startsWith('<derived')));
      expect(
        plan.find((row) => row.table === 's' && row.key === 'ix_course_search_terms_term'),
      ).toBeDefined();
      expect(plan.find((row) => row.table === 'c')).toMatchObject({ key: 'PRIMARY' });
    }
  });

  it('lists the catalogue in order from its index', async () => {
    for (const plan of await plans({ text: null })) {
      noFullScan(plan);
      expect(plan[0]).toMatchObject({ table: 'c', key: 'ix_courses_catalogue' });
    }
  });

  it('reads one facility through its index', async () => {
    for (const plan of await plans({ text: null, facilityId: volume.facilityIds[7] })) {
      noFullScan(plan);
      expect(plan[0]).toMatchObject({ table: 'c', key: 'ix_courses_facility' });
    }
  });

  it('reads a commune’s subtree through the path index, then facilities and courses by index', async () => {
    const pattern = subtreePattern(await pathOf(volume.communeIds[33]!));
    for (const plan of await plans({ text: null, adminUnitPattern: pattern })) {
      noFullScan(plan);
      expect(plan.find((row) => row.table === 'u')).toMatchObject({ key: 'ix_admin_units_path' });
      expect(plan.find((row) => row.table === 'c')).toMatchObject({ key: 'ix_courses_facility' });
    }
  });

  it('never scans the courses for a province’s subtree', async () => {
    const pattern = subtreePattern(await pathOf(volume.provinceIds[4]!));
    for (const plan of await plans({ text: null, adminUnitPattern: pattern })) noFullScan(plan);
  });

  it('filters by tag through an index of course_tags (by tag, or by course in catalogue order)', async () => {
    for (const plan of await plans({ text: null, tagKey: tagKey('Nông nghiệp') })) {
      noFullScan(plan);
      expect(['ix_course_tags_tag', 'PRIMARY']).toContain(
        plan.find((row) => row.table === 't')?.key,
      );
    }
  });

  it('filters by the kind of facility from indexes only', async () => {
    for (const plan of await plans({ text: null, facilityType: 'community_learning_center' })) {
      noFullScan(plan);
      expect(['PRIMARY', 'ix_facilities_type']).toContain(
        plan.find((row) => row.table === 'f')?.key,
      );
    }
  });

  /**
   * The oracle: published courses whose search document holds every whole word and a word
   * starting with the last one, newest first, read from `search_text` by plain string matching.
   */
  async function expected(q: string): Promise<string[]> {
    const text = searchWords(q)!;
    const like = [...text.words.map((word) => `% zq${word} %`), `% zq${text.prefix}%`];
    const rows = await dataSource.query<{ id: string }[]>(
      `SELECT \`id\` FROM \`courses\` WHERE \`status\` = 'published' AND ${like
        .map(() => "CONCAT(' ', `search_text`, ' ') LIKE ?")
        .join(' AND ')} ORDER BY \`published_at\` DESC, \`id\` DESC`,
      like,
    );
    return rows.map((row) => row.id);
  }

  it.each([
    ['a broad search', 'hoc tap', 1],
    ['a broad search, further on', 'học tập', 4],
    ['a search with one rare word', 'hoc tap khoa 1234', 1],
    ['a search of a common word only', 'kỹ năng', 2],
  ])('returns %s newest first, counted a few pages ahead', async (_, q, pageNumber) => {
    const all = await expected(q);
    const found = await moduleRef
      .get(CourseCatalogue)
      .list({ q }, { page: pageNumber, pageSize: 20 });
    const offset = (pageNumber - 1) * 20;
    expect(found.items.map((course) => course.id)).toEqual(all.slice(offset, offset + 20));
    const cap = offset + 20 * 6;
    expect(found.total).toBe(Math.min(all.length, cap));
    expect(found.totalCapped).toBe(all.length > cap);
  });

  it('lists the catalogue’s tags from indexes only', async () => {
    const { items, count } = catalogueTagsStatements({ offset: 0, limit: 100 });
    for (const statement of [items, count])
      noFullScan(await dataSource.query<PlanRow[]>(`EXPLAIN ${statement.sql}`, statement.params));
  });

  it('never scans when text and a subtree are combined', async () => {
    const pattern = subtreePattern(await pathOf(volume.provinceIds[2]!));
    for (const plan of await plans({
      ...(await textCriteria('ky nang so')),
      adminUnitPattern: pattern,
    })) {
      noFullScan(plan);
      expect(plan.find((row) => row.table === 'c')?.type).toMatch(/index|range|ref|eq_ref/);
    }
  });
});
