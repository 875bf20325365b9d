import { searchWords, tagKey } from '@lifelong/common';
import { ALL, CourseCatalogue, catalogueTagsStatements, facilityTerm } from '@lifelong/courses';
import type { CatalogueFilter } from '@lifelong/courses';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { type CourseVolume, loadCourseVolume } from '../../../test/support/course-volume';
import { coursesModule } from './courses-testing';

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: string | number;
  Extra: string | null;
}

// The catalogue must answer every filter from an index at national scale, never by reading all
// courses: checked on the plans of the exact statements the service runs.
describe('catalogue query plans at 20,000 courses', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let catalogue: CourseCatalogue;
  let volume: CourseVolume;

  beforeAll(async () => {
    moduleRef = await coursesModule();
    dataSource = moduleRef.get(DataSource);
    catalogue = moduleRef.get(CourseCatalogue);
    volume = await loadCourseVolume((sql, params) => dataSource.query(sql, params), {
      courses: 20_000,
    });
    for (const table of ['courses', 'course_tags', 'course_search_terms', 'catalogue_terms'])
      await dataSource.query(`ANALYZE TABLE \`${table}\``);
  }, 120_000);

  afterAll(() => moduleRef.close());

  const PAGE = { offset: 0, limit: 20 };

  /** The statement the service runs for `filter`'s first page (the page's rows: by id). */
  async function matches(filter: CatalogueFilter) {
    const found = await catalogue.matchesStatement(filter, PAGE);
    if (!found) throw new Error('nothing can match');
    return found;
  }

  /**
   * The plan of the walk, without the merge of a walk of several keys (a union result of at
   * most the cap, and its derived table).
   */
  async function plan(filter: CatalogueFilter): Promise<PlanRow[]> {
    const statement = await matches(filter);
    return (await dataSource.query<PlanRow[]>(`EXPLAIN ${statement.sql}`, statement.params)).filter(
      (row) => !/^<(union|derived)/.test(row.table),
    );
  }

  /** The keys of `catalogue_terms` walked: the first parameter of each branch. */
  async function walked(filter: CatalogueFilter): Promise<string[]> {
    const { sql, params } = await matches(filter);
    const branches = sql.split('e.`term` = ?').length - 1;
    return Array.from(
      { length: branches },
      (_, i) => params[(i * params.length) / branches] as string,
    );
  }

  const noFullScan = (plan: PlanRow[]) =>
    expect(plan.filter((row) => row.type === 'ALL' || row.key === null)).toEqual([]);

  /** Every walk reads `catalogue_terms` by its key in order (no sort), checks by primary key. */
  const walksInOrder = (plan: PlanRow[]) => {
    noFullScan(plan);
    const walks = plan.filter((row) => row.table === 'e');
    expect(walks.length).toBeGreaterThan(0);
    for (const row of walks) {
      expect(row.key).toBe('PRIMARY');
      expect(row.Extra ?? '').not.toMatch(/filesort/);
    }
    for (const row of plan.filter((row) => row.table !== 'e')) expect(row.key).toBe('PRIMARY');
  };

  it('walks a broad search by a rare word newest first, checking the others by primary key', async () => {
    expect(await walked({ q: 'hoc tap' })).toEqual(['tap']);
    const broad = await plan({ q: 'hoc tap suot doi' });
    walksInOrder(broad);
    // The three other words in one read of the course's words.
    expect(broad.filter((row) => row.table === 's')).toHaveLength(1);
  });

  it('walks every word a rare prefix starts, merged', async () => {
    const words = await walked({ q: 'hoc tap khoa 1234' });
    expect(words).toContain('1234');
    expect(words.every((word) => word.startsWith('1234'))).toBe(true);
    walksInOrder(await plan({ q: 'hoc tap khoa 1234' }));
  });

  it('lists the catalogue in order under its every-course key', async () => {
    expect(await walked({})).toEqual([ALL]);
    walksInOrder(await plan({}));
  });

  it('reads one facility under its key', async () => {
    const facilityId = volume.facilityIds[7]!;
    expect(await walked({ facilityId })).toEqual([facilityTerm(facilityId)]);
    walksInOrder(await plan({ facilityId }));
  });

  it('reads a commune’s subtree under its facilities’ keys, merged', async () => {
    const adminUnitId = volume.communeIds[33]!;
    expect(await walked({ adminUnitId })).toHaveLength(2);
    walksInOrder(await plan({ adminUnitId }));
  });

  it('reads a province’s subtree in order, by its facilities’ keys or all checked in the row', async () => {
    // Which depends on how many courses each facility has (catalogue-sql.spec): either way, no sort.
    const adminUnitId = volume.provinceIds[4]!;
    expect((await walked({ adminUnitId })).length).toBeGreaterThan(0);
    const subtree = await plan({ adminUnitId });
    walksInOrder(subtree);
    expect(subtree.filter((row) => row.table !== 'e')).toEqual([]);
  });

  it('walks a tag under its key when it is the rarer filter', async () => {
    expect(await walked({ tag: 'Nông nghiệp' })).toEqual([`#${tagKey('Nông nghiệp')}`]);
    walksInOrder(await plan({ tag: 'Nông nghiệp', q: 'hoc' }));
    walksInOrder(await plan({ tag: 'kỹ năng số', q: 'ky nang so' }));
  });

  it('filters by the kind of facility in the row walked', async () => {
    walksInOrder(await plan({ facilityType: 'community_learning_center' }));
  });

  it('never scans when text and a subtree are combined', async () => {
    walksInOrder(
      await plan({
        q: 'an toàn thông',
        adminUnitId: volume.provinceIds[2]!,
      }),
    );
  });

  /**
   * The oracle: published courses whose search document holds every whole word and a word
   * starting with the last one, with the tag, in the subtree, newest first, read from
   * `search_text`, `course_tags` and the administrative paths by plain matching.
   */
  async function expected(filter: CatalogueFilter): Promise<string[]> {
    const where = ["c.`status` = 'published'"];
    const params: unknown[] = [];
    const text = filter.q ? searchWords(filter.q) : null;
    if (text)
      for (const like of [...text.words.map((word) => `% zq${word} %`), `% zq${text.prefix}%`]) {
        where.push("CONCAT(' ', c.`search_text`, ' ') LIKE ?");
        params.push(like);
      }
    if (filter.tag !== undefined) {
      where.push('c.`id` IN (SELECT `course_id` FROM `course_tags` WHERE `tag_key` = ?)');
      params.push(tagKey(filter.tag));
    }
    if (filter.adminUnitId !== undefined) {
      where.push("u.`path` LIKE CONCAT((SELECT `path` FROM `admin_units` WHERE `id` = ?), '%')");
      params.push(filter.adminUnitId);
    }
    const rows = await dataSource.query<{ id: string }[]>(
      `SELECT c.\`id\` FROM \`courses\` c JOIN \`facilities\` f ON f.\`id\` = c.\`facility_id\` JOIN \`admin_units\` u ON u.\`id\` = f.\`admin_unit_id\`
       WHERE ${where.join(' AND ')} ORDER BY c.\`published_at\` DESC, c.\`id\` DESC`,
      params,
    );
    return rows.map((row) => row.id);
  }

  const province = (i: number) => ({ adminUnitId: volume.provinceIds[i]! });

  it.each<[string, () => CatalogueFilter, number]>([
    ['a broad search', () => ({ q: 'hoc tap' }), 1],
    ['a broad search, further on', () => ({ q: 'học tập' }), 4],
    ['a search with one rare word', () => ({ q: 'hoc tap khoa 1234' }), 1],
    ['a search of a common word only', () => ({ q: 'kỹ năng' }), 2],
    ['a search in a province', () => ({ q: 'an toàn thông', ...province(3) }), 1],
    ['a province', () => province(5), 2],
    ['a commune', () => ({ adminUnitId: volume.communeIds[57]! }), 1],
    ['a search under a tag', () => ({ q: 'ky nang so', tag: 'kỹ năng số' }), 1],
    ['a tag', () => ({ tag: 'nong nghiep' }), 3],
  ])('returns %s newest first, counted a few pages ahead', async (_, filter, pageNumber) => {
    const all = await expected(filter());
    const found = await catalogue.list(filter(), { page: pageNumber, pageSize: 20 });
    const offset = (pageNumber - 1) * 20;
    expect(all.length).toBeGreaterThan(0);
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
});
