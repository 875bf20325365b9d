import { dataSourceOptions, detectFlavor } from '@lifelong/database';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { quietly } from '../../../test/support/quietly';
import { rowCounts } from '../../../test/support/row-counts';
import { DEMO_ENROLLMENTS, type DemoStage } from '../src/demo/demo-enrollments-data';
import { migrate } from '../src/migrate.command';
import { seedDemo } from '../src/seed-demo.command';

const config = testConfig();

/** What each stage looks like in the enrollment row. */
const EXPECTED: Record<DemoStage, { status: string; progress: (percent: number) => boolean }> = {
  enrolled: { status: 'active', progress: (percent) => percent === 0 },
  halfway: { status: 'active', progress: (percent) => percent > 0 && percent < 100 },
  completed: { status: 'completed', progress: (percent) => percent === 100 },
  waitlisted: { status: 'waitlisted', progress: (percent) => percent === 0 },
  withdrawn: { status: 'withdrawn', progress: (percent) => percent === 0 },
};

describe('demo enrollments', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await quietly(() => migrate(config));
    dataSource = new DataSource(dataSourceOptions(config, { flavor: await detectFlavor(config) }));
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  const counts = (): Promise<Record<string, number>> =>
    rowCounts(dataSource, ['enrollments', 'lesson_progress', 'quiz_attempts', 'outbox_events']);

  it('puts demo learners at every stage through the services, and a second run adds nothing', async () => {
    await quietly(() => seedDemo(config));
    const rows = await dataSource.query<
      {
        email: string;
        title: string;
        status: string;
        progress_percent: number;
        completed_at: Date | null;
      }[]
    >(
      `SELECT u.email, c.title, e.status, e.progress_percent, e.completed_at FROM enrollments e
         JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id`,
    );
    for (const plan of DEMO_ENROLLMENTS) {
      const row = rows.find(
        (candidate) => candidate.email === plan.email && candidate.title === plan.courseTitle,
      );
      const expected = EXPECTED[plan.stage];
      expect({
        plan,
        status: row?.status,
        progressOk: expected.progress(row?.progress_percent ?? -1),
      }).toEqual({
        plan,
        status: expected.status,
        progressOk: true,
      });
    }
    const waitlisted = DEMO_ENROLLMENTS.find((plan) => plan.stage === 'waitlisted')!;
    const [full] = await dataSource.query<{ capacity: number; active_enrollments: number }[]>(
      'SELECT capacity, active_enrollments FROM courses WHERE title = ?',
      [waitlisted.courseTitle],
    );
    expect(full!.active_enrollments).toBe(full!.capacity);
    // The demo learners' own completions (mandated training completes staff's courses too).
    const [completed] = await dataSource.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM outbox_events o
         JOIN enrollments e ON e.id = JSON_UNQUOTE(JSON_EXTRACT(o.payload, '$.enrollmentId'))
         JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id
         WHERE o.type = 'enrollment.completed' AND CONCAT(u.email, '|', c.title) IN (?)`,
      [DEMO_ENROLLMENTS.map((plan) => `${plan.email}|${plan.courseTitle}`)],
    );
    expect(Number(completed!.n)).toBe(
      DEMO_ENROLLMENTS.filter((plan) => plan.stage === 'completed').length,
    );

    const first = await counts();
    expect(await quietly(() => seedDemo(config))).toContain('nothing changed');
    expect(await counts()).toEqual(first);
  }, 180_000);
});
