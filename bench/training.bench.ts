import { Clock, ClockModule, ConfigModule, ManualClock, newId } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { DatabaseModule } from '@lifelong/database';
import { EnrollmentModule } from '@lifelong/enrollment';
import { OrganizationsModule } from '@lifelong/organizations';
import { TrainingWorkerModule } from '@lifelong/training';
import { Test } from '@nestjs/testing';
import type { Principal } from '@lifelong/identity';
import {
  ComplianceReport,
  complianceQuery,
  RequirementsService,
  TrainingJobs,
} from '@lifelong/training';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../test/setup/test-env';
import { buildCourse, facility, platformAdmin } from '../test/support/course-fixtures';

const STAFF = 200_000;
const AGENCIES = 40;
const DEPARTMENTS_PER_AGENCY = 49; // 1 root + 40 + 40 × 49 = 2,001 units
const REQUIREMENTS = 5;
const BATCH = 1_000;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
const now = '2026-12-01 08:00:00.000';

interface World {
  rootId: string;
  rootPath: string;
  departmentIds: string[];
  userIds: string[];
}

/** 2,001 units and 200,000 staff with current memberships, in multi-row statements. */
async function buildWorld(dataSource: DataSource): Promise<World> {
  const rootId = newId();
  const rootPath = `/${rootId}/`;
  const units: unknown[][] = [[rootId, 'BENCH-ROOT', 'Chính phủ', null, rootPath, 1]];
  const departmentIds: string[] = [];
  for (let a = 0; a < AGENCIES; a += 1) {
    const agencyId = newId();
    const agencyPath = `${rootPath}${agencyId}/`;
    units.push([agencyId, `BENCH-A${a}`, `Bộ ${a}`, rootId, agencyPath, 2]);
    for (let d = 0; d < DEPARTMENTS_PER_AGENCY; d += 1) {
      const id = newId();
      departmentIds.push(id);
      units.push([id, `BENCH-A${a}-D${d}`, `Vụ ${a}.${d}`, agencyId, `${agencyPath}${id}/`, 3]);
    }
  }
  await dataSource.query(
    'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES ?',
    [units],
  );
  const userIds = Array.from({ length: STAFF }, () => newId());
  for (let start = 0; start < STAFF; start += 5_000) {
    const chunk = userIds.slice(start, start + 5_000);
    await dataSource.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES ?', [
      chunk.map((id, i) => [id, `cc${start + i}@bench.gov.vn`, `Công chức ${start + i}`]),
    ]);
    await dataSource.query(
      'INSERT INTO `memberships` (`id`, `user_id`, `org_unit_id`, `position`, `job_grade`, `started_at`, `current_user_id`) VALUES ?',
      [
        chunk.map((id, i) => [
          newId(),
          id,
          departmentIds[(start + i) % departmentIds.length],
          'Chuyên viên',
          'A1',
          now,
          id,
        ]),
      ],
    );
  }
  return { rootId, rootPath, departmentIds, userIds };
}

/** The floor for the assignment job: the same enrollment and assignment rows, raw. */
async function insertAssignmentsRaw(
  dataSource: DataSource,
  userIds: readonly string[],
  requirementId: string,
  courseId: string,
): Promise<number> {
  const started = process.hrtime.bigint();
  for (let start = 0; start < userIds.length; start += BATCH) {
    const chunk = userIds.slice(start, start + BATCH).map((userId) => ({
      userId,
      enrollmentId: newId(),
    }));
    await dataSource.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO `enrollments` (`id`, `course_id`, `user_id`, `status`, `source`, `progress_percent`, `enrolled_at`) VALUES ?',
        [
          chunk.map((row) => [
            row.enrollmentId,
            courseId,
            row.userId,
            'active',
            'mandated',
            0,
            now,
          ]),
        ],
      );
      await manager.query(
        'INSERT INTO `training_assignments` (`id`, `requirement_id`, `requirement_version`, `user_id`, `cycle`, `enrollment_id`, `status`, `assigned_at`, `due_at`) VALUES ?',
        [
          chunk.map((row) => [
            newId(),
            requirementId,
            1,
            row.userId,
            1,
            row.enrollmentId,
            'assigned',
            now,
            '2026-12-31 08:00:00.000',
          ]),
        ],
      );
    });
  }
  return seconds(started);
}

/** Best of three runs (the first warms the buffer pool). */
async function bestOf(run: () => Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const started = process.hrtime.bigint();
    await run();
    best = Math.min(best, seconds(started));
  }
  return best;
}

describe('training benchmark', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let admin: Principal;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig()),
        ClockModule,
        DatabaseModule,
        OrganizationsModule,
        CoursesModule,
        EnrollmentModule,
        TrainingWorkerModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(new ManualClock('2026-12-01T08:00:00.000Z'))
      .compile();
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    admin = await platformAdmin(dataSource);
  });

  afterAll(async () => {
    await moduleRef.close();
  });

  it(`assigns ${STAFF.toLocaleString('en')} staff and reports compliance over a million assignments`, async () => {
    const building = process.hrtime.bigint();
    const world = await buildWorld(dataSource);
    const facilityId = await facility(moduleRef, admin);
    const requirementIds: string[] = [];
    const courseIds: string[] = [];
    for (let r = 0; r < REQUIREMENTS; r += 1) {
      const { courseId } = await buildCourse(moduleRef, admin, facilityId);
      const { requirement } = await moduleRef.get(RequirementsService).create(admin, {
        title: `Yêu cầu ${r}`,
        courseId,
        orgUnitId: world.rootId,
        dueDays: 30,
      });
      requirementIds.push(requirement.id);
      courseIds.push(courseId);
    }
    const built = seconds(building);

    const jobStarted = process.hrtime.bigint();
    const outcome = await moduleRef
      .get(TrainingJobs)
      .syncRequirement({ requirementId: requirementIds[0]! });
    const jobSeconds = seconds(jobStarted);
    expect(outcome.assigned).toBe(STAFF);
    const rawJobSeconds = await insertAssignmentsRaw(
      dataSource,
      world.userIds,
      requirementIds[1]!,
      courseIds[1]!,
    );
    const filling = process.hrtime.bigint();
    for (let r = 2; r < REQUIREMENTS; r += 1)
      await insertAssignmentsRaw(dataSource, world.userIds, requirementIds[r]!, courseIds[r]!);
    await dataSource.query(
      "UPDATE `training_assignments` SET `status` = ELT(1 + CRC32(`id`) % 5, 'assigned', 'in_progress', 'completed', 'completed', 'overdue')",
    );
    const filled = seconds(filling);
    const [{ n }] = await dataSource.query<[{ n: string }]>(
      'SELECT COUNT(*) AS n FROM `training_assignments`',
    );
    expect(Number(n)).toBe(STAFF * REQUIREMENTS);

    const report = moduleRef.get(ComplianceReport);
    let tree = await report.tree(admin, world.rootId);
    const reportSeconds = await bestOf(async () => {
      tree = await report.tree(admin, world.rootId);
    });
    // The same numbers for the root, as one plain aggregate over the subtree.
    const rawSql = `SELECT COUNT(*) AS assigned, SUM(a.\`status\` = 'completed') AS completed,
        SUM(a.\`status\` = 'in_progress') AS inProgress, SUM(a.\`status\` = 'overdue') AS overdue
      FROM \`org_units\` u
      JOIN \`memberships\` m ON m.\`org_unit_id\` = u.\`id\` AND m.\`ended_at\` IS NULL
      JOIN \`training_assignments\` a ON a.\`user_id\` = m.\`user_id\` AND a.\`closed_at\` IS NULL
      WHERE u.\`path\` LIKE ?`;
    let raw: { assigned: string; completed: string }[] = [];
    const rawSeconds = await bestOf(async () => {
      raw = await dataSource.query(rawSql, [`${world.rootPath}%`]);
    });
    expect(tree.assigned).toBe(Number(raw[0]!.assigned));
    expect(tree.completed).toBe(Number(raw[0]!.completed));
    expect(tree.children).toHaveLength(AGENCIES);
    expect(complianceQuery(world.rootPath, 'subtree', world.rootId).sql).toContain('per_unit');

    const jobRatio = jobSeconds / rawJobSeconds;
    const reportRatio = reportSeconds / rawSeconds;
    process.stdout.write(
      [
        '',
        `training: ${STAFF.toLocaleString('en')} staff, ${(AGENCIES * (DEPARTMENTS_PER_AGENCY + 1) + 1).toLocaleString('en')} units, ${REQUIREMENTS} requirements, ${(STAFF * REQUIREMENTS).toLocaleString('en')} assignments`,
        `  data set built in ${(built + filled).toFixed(1)} s (plus the timed runs)`,
        `  assignment job for one requirement (enroll + assign ${STAFF.toLocaleString('en')}): ${jobSeconds.toFixed(2)} s`,
        `  raw multi-row INSERTs of the same enrollments and assignments:        ${rawJobSeconds.toFixed(2)} s`,
        `  ratio job / raw: ${jobRatio.toFixed(2)} (goal ≤ 3)`,
        `  compliance report for the root (root + ${AGENCIES} children, rolled up): ${reportSeconds.toFixed(2)} s`,
        `  one raw aggregate of the root's numbers:                           ${rawSeconds.toFixed(2)} s`,
        `  ratio report / raw: ${reportRatio.toFixed(2)} (goal ≤ 3)`,
        '',
      ].join('\n') + '\n',
    );
  }, 1_800_000); // the counts triggers run for each of the million rows written here
});
