import { JobsModule, ManualClock, newId } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { CompleteLessonService, EnrollmentModule } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import { FigureReads, MonitoringJobs, MonitoringWorkerModule } from '@lifelong/monitoring';
import {
  MembershipsService,
  OrganizationsModule,
  type OrgUnitLevel,
  OrgUnitsService,
} from '@lifelong/organizations';
import { RequirementsService, TrainingJobs, TrainingWorkerModule } from '@lifelong/training';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import {
  buildCourse,
  facility,
  insertLearners,
  platformAdmin,
} from '../../../test/support/course-fixtures';
import { outboxRelay } from '../../../test/support/outbox-relay';
import { servicesModule } from '../../../test/support/services-module';

// Civil servants trained to standard, by the level of their agency: a completion, a move to an
// agency of another level and an overdue training each move the country's figures through the
// outbox, once; the nightly reconciliation agrees with what the events left, and repairs drift.
const DAY = 86_400_000;
const clock = new ManualClock('2026-10-01T03:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let admin: Principal;
let facilityId: string;
let relay: ReturnType<typeof outboxRelay>;
let training: TrainingJobs;
let monitoring: MonitoringJobs;

const LEVELS = ['central', 'province', 'district', 'commune'] as const;
type Trained = Record<OrgUnitLevel, number>;

beforeAll(async () => {
  moduleRef = await servicesModule(testConfig(), clock, [
    JobsModule,
    OrganizationsModule,
    CoursesModule,
    EnrollmentModule,
    TrainingWorkerModule,
    MonitoringWorkerModule,
  ]);
  dataSource = moduleRef.get(DataSource);
  admin = await platformAdmin(dataSource);
  facilityId = await facility(moduleRef, admin);
  training = moduleRef.get(TrainingJobs);
  monitoring = moduleRef.get(MonitoringJobs);
  // Training's own jobs run by hand below; the relay runs the trained figures' job (and counts
  // the registered facility, so the country's cells hold other figures a refresh must keep).
  relay = outboxRelay(dataSource, {
    'monitoring.refresh-trained': (payload) => monitoring.refreshTrained(payload),
    'monitoring.refresh-facility': (payload) => monitoring.refreshFacility(payload),
  });
  await relay();
});

afterAll(async () => {
  await moduleRef.close();
});

/** The country's trained civil servants per level for a period, as stored. */
async function trained(period: string): Promise<Trained> {
  const [row] = await dataSource.query<Record<string, number>[]>(
    `SELECT ${LEVELS.map((level) => `\`trained_civil_servants_${level}\``).join(', ')} ` +
      "FROM `monitoring_figures` WHERE `admin_unit_id` = '' AND `period` = ? AND `facility_type` = ''",
    [period],
  );
  return Object.fromEntries(
    LEVELS.map((level) => [level, Number(row?.[`trained_civil_servants_${level}`] ?? 0)]),
  ) as Trained;
}

const unit = async (name: string, level?: OrgUnitLevel, parentId?: string): Promise<string> =>
  (
    await moduleRef
      .get(OrgUnitsService)
      .create(admin, { code: `OU-${newId().slice(-10)}`, name, parentId, level })
  ).id;

const place = (userId: string, orgUnitId: string) =>
  moduleRef
    .get(MembershipsService)
    .place(userId, { orgUnitId, position: 'Chuyên viên', jobGrade: 'A1' });

/** A requirement on the unit's subtree, its assignments made as the sync job makes them. */
async function requireTraining(
  orgUnitId: string,
  courseId: string,
  dueDays: number,
): Promise<void> {
  const { requirement } = await moduleRef.get(RequirementsService).create(admin, {
    title: `Bồi dưỡng ${newId().slice(-6)}`,
    courseId,
    orgUnitId,
    dueDays,
  });
  await training.syncRequirement({ requirementId: requirement.id });
}

/** Completes the course's lesson, then runs the training job `enrollment.completed` routes to. */
async function complete(userId: string, courseId: string, lessonId: string): Promise<void> {
  await moduleRef.get(CompleteLessonService).completeLessonForLearner(userId, lessonId);
  const [row] = await dataSource.query<{ id: string }[]>(
    'SELECT `id` FROM `enrollments` WHERE `user_id` = ? AND `course_id` = ?',
    [userId, courseId],
  );
  await training.completeAssignment({ enrollmentId: row!.id });
}

/** The country's other figures for a period: a refresh of the trained leaves them as stored. */
const others = (period: string): Promise<Record<string, unknown>[]> =>
  dataSource.query(
    'SELECT `facilities`, `learners`, `enrollments`, `completions`, `certificates_issued` ' +
      "FROM `monitoring_figures` WHERE `admin_unit_id` = '' AND `period` = ?",
    [period],
  );

const plus = (base: Trained, change: Partial<Trained>): Trained =>
  Object.fromEntries(LEVELS.map((level) => [level, base[level] + (change[level] ?? 0)])) as Trained;

it('counts a completion at its agency level, follows a move and an overdue training, once each', async () => {
  const course = async () => {
    const built = await buildCourse(moduleRef, admin, facilityId, {
      lessons: [{ title: 'Bài 1', kind: 'video', durationSeconds: 60 }],
    });
    return { courseId: built.courseId, lessonId: built.lessonIds[0]! };
  };
  const ministry = await unit('Bộ Nội vụ', 'central');
  const department = await unit('Vụ Tổ chức', undefined, ministry); // counts at the ministry's level
  const commune = await unit('Ủy ban nhân dân xã An Phú', 'commune');
  const [official] = await insertLearners(dataSource, 1);
  await place(official!, department);
  const law = await course();
  await requireTraining(ministry, law.courseId, 30);
  await relay();
  const before = { year: await trained('2026'), quarter: await trained('2026-Q4') };

  const untouched = await others('2026');
  expect(untouched.length).toBeGreaterThan(0);

  // Completing the mandated training makes them trained, at the central level.
  clock.advance(DAY);
  await complete(official!, law.courseId, law.lessonId);
  expect(await relay()).toBe(1);
  expect(await trained('2026')).toEqual(plus(before.year, { central: 1 }));
  expect(await trained('2026-Q4')).toEqual(plus(before.quarter, { central: 1 }));
  expect(await others('2026')).toEqual(untouched);
  // A repeated delivery of every event moves nothing.
  relay.rewind();
  await relay();
  expect(await trained('2026')).toEqual(plus(before.year, { central: 1 }));

  // Moved to a commune: counted there now, no longer at the centre.
  clock.advance(DAY);
  await place(official!, commune);
  await relay();
  expect(await trained('2026')).toEqual(plus(before.year, { commune: 1 }));

  // The commune's own training, due in 10 days, not done: overdue, no longer to standard.
  const local = await course();
  await requireTraining(commune, local.courseId, 10);
  await relay();
  expect(await trained('2026-Q4')).toEqual(plus(before.quarter, { commune: 1 }));
  clock.advance(11 * DAY);
  await training.scanDeadlines();
  await relay();
  expect(await trained('2026-Q4')).toEqual(before.quarter);
  expect(await trained('2026')).toEqual(before.year);
  // The third quarter, ended before the completion, never counted them; the next year has not begun.
  expect((await trained('2026-Q3')).commune).toBe(0);
  expect(await trained('2027')).toEqual({ central: 0, province: 0, district: 0, commune: 0 });

  // Done late: to standard again.
  await complete(official!, local.courseId, local.lessonId);
  await relay();
  const after = await trained('2026');
  expect(after).toEqual(plus(before.year, { commune: 1 }));

  // The public figure of one person is hidden.
  const figures = await moduleRef.get(FigureReads).tree({ period: '2026' });
  if (after.commune < 5) expect(figures.figures.trained_civil_servants_commune).toBe('< 5');

  // The nightly reconciliation agrees with what the events left, and repairs drift.
  await monitoring.reconcileFigures();
  expect(await trained('2026')).toEqual(after);
  await dataSource.query(
    "UPDATE `monitoring_figures` SET `trained_civil_servants_commune` = 99 WHERE `admin_unit_id` = '' AND `facility_type` = '' AND `period` = '2026'",
  );
  const repaired = await monitoring.reconcileFigures();
  expect(repaired.changed).toBeGreaterThanOrEqual(1);
  expect(await trained('2026')).toEqual(after);
});
