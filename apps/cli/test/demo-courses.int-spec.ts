import { dataSourceOptions, detectFlavor } from '@lifelong/database';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { quietly } from '../../../test/support/quietly';
import { rowCounts } from '../../../test/support/row-counts';
import { DEMO_COURSES } from '../src/demo/demo-courses-data';
import { migrate } from '../src/migrate.command';
import { seedDemo } from '../src/seed-demo.command';

const config = testConfig();

const COURSE_TABLES = [
  'courses',
  'course_tags',
  'course_sections',
  'lessons',
  'quiz_questions',
  'quiz_choices',
];

describe('demo courses', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await quietly(() => migrate(config));
    dataSource = new DataSource(dataSourceOptions(config, { flavor: await detectFlavor(config) }));
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  const counts = (): Promise<Record<string, number>> => rowCounts(dataSource, COURSE_TABLES);

  it('publishes a dozen Vietnamese courses with every lesson kind, and a second run adds nothing', async () => {
    await quietly(() => seedDemo(config));
    const courses = await dataSource.query<
      { title: string; status: string; code: string; courseCode: string; author: string | null }[]
    >(
      `SELECT c.title, c.status, f.code, c.code AS courseCode, u.email AS author FROM courses c
         JOIN facilities f ON f.id = c.facility_id LEFT JOIN users u ON u.id = c.created_by`,
    );
    expect(courses).toHaveLength(DEMO_COURSES.length);
    expect(courses.length).toBeGreaterThanOrEqual(12);
    expect(new Set(courses.map((c) => c.status))).toEqual(new Set(['published']));
    expect(new Set(courses.map((c) => c.code)).size).toBeGreaterThanOrEqual(8);
    expect(courses.find((c) => c.title === 'Học tập suốt đời: phương pháp tự học')).toMatchObject({
      code: 'DH-MO-HN',
      courseCode: 'HTSD-01',
      author: 'giangvien@demo.lifelong.local',
    });
    expect(courses.map((c) => c.courseCode).sort()).toEqual(
      DEMO_COURSES.map((demo) => demo.code).sort(),
    );
    const kinds = await dataSource.query<{ kind: string; required: number; n: string }[]>(
      'SELECT kind, required, COUNT(*) AS n FROM lessons GROUP BY kind, required ORDER BY kind',
    );
    expect(kinds.map((k) => [k.kind, Number(k.required)])).toEqual([
      ['quiz', 1],
      ['reading', 1],
      ['television', 0],
      ['video', 0],
    ]);
    const [{ n: questions }] = await dataSource.query<[{ n: string }]>(
      'SELECT COUNT(*) AS n FROM quiz_questions',
    );
    expect(Number(questions)).toBeGreaterThanOrEqual(2 * DEMO_COURSES.length);

    const before = await counts();
    expect(await quietly(() => seedDemo(config))).toContain('nothing changed');
    expect(await counts()).toEqual(before);

    // A course seeded before courses had codes is found by facility and title and given its code.
    await dataSource.query("UPDATE courses SET code = NULL WHERE code = 'KNS-01'");
    expect(await quietly(() => seedDemo(config))).toMatch(/\b1 record\(s\) created/);
    expect(await counts()).toEqual(before);
    const [kns] = await dataSource.query<{ code: string }[]>(
      "SELECT code FROM courses WHERE title = 'Kỹ năng số cho mọi người'",
    );
    expect(kns).toEqual({ code: 'KNS-01' });
    // The whole demo is seeded twice (units, 360 civil servants, courses, television, training).
  }, 120_000);
});
