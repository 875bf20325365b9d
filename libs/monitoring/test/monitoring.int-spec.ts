import { CertificatesModule, IssueCertificate } from '@lifelong/certificates';
import { ManualClock } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import {
  CompleteLessonService,
  EnrollLearnerService,
  EnrollmentModule,
  WithdrawEnrollmentService,
} from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import {
  FEW,
  FigureReads,
  type Figures,
  MonitoringJobs,
  MonitoringWorkerModule,
  periodsOf,
} from '@lifelong/monitoring';
import { AdminUnitsService, FacilitiesService, OrganizationsModule } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { buildCourse, insertLearners, platformAdmin } from '../../../test/support/course-fixtures';
import { servicesModule } from '../../../test/support/services-module';
import { monitoringRelay } from './monitoring-testing';

// A province P with districts D1, D2, D3, one facility each; courses C1 (2.5 hours, at D1's
// community learning centre), C2 (D2) and C3 (D3, another facility type). Time stands in
// 2026-Q2, Vietnam time.
const clock = new ManualClock('2026-05-10T03:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let admin: Principal;
let jobs: MonitoringJobs;
let reads: FigureReads;
const units: Record<'P' | 'D1' | 'D2' | 'D3', string> = { P: '', D1: '', D2: '', D3: '' };
const courses: Record<'C1' | 'C2' | 'C3', { courseId: string; lessonIds: string[] }> = {} as never;
/** Runs the monitoring jobs of the outbox events written since its last call. */
let relay: ReturnType<typeof monitoringRelay>;

beforeAll(async () => {
  moduleRef = await servicesModule(testConfig(), clock, [
    OrganizationsModule,
    CoursesModule,
    EnrollmentModule,
    CertificatesModule,
    MonitoringWorkerModule,
  ]);
  dataSource = moduleRef.get(DataSource);
  jobs = moduleRef.get(MonitoringJobs);
  reads = moduleRef.get(FigureReads);
  relay = monitoringRelay(dataSource, jobs);
  admin = await platformAdmin(dataSource);
  const adminUnits = moduleRef.get(AdminUnitsService);
  const tag = Date.now().toString(36);
  units.P = (
    await adminUnits.create(admin, { code: `P-${tag}`, name: 'Tỉnh P', level: 'province' })
  ).id;
  for (const name of ['D1', 'D2', 'D3'] as const)
    units[name] = (
      await adminUnits.create(admin, {
        code: `${name}-${tag}`,
        name: `Huyện ${name}`,
        level: 'district',
        parentId: units.P,
      })
    ).id;
  const facilityIn = async (unit: string, type: string): Promise<string> =>
    (
      await moduleRef.get(FacilitiesService).create(admin, {
        code: `F-${unit.slice(-8)}`,
        name: `Trung tâm ${unit.slice(-4)}`,
        type: type as never,
        adminUnitId: unit,
      })
    ).id;
  courses.C1 = await buildCourse(
    moduleRef,
    admin,
    await facilityIn(units.D1, 'community_learning_center'),
  );
  courses.C2 = await buildCourse(
    moduleRef,
    admin,
    await facilityIn(units.D2, 'community_learning_center'),
  );
  courses.C3 = await buildCourse(
    moduleRef,
    admin,
    await facilityIn(units.D3, 'life_skills_center'),
  );
  await dataSource.query('UPDATE `courses` SET `hours` = 2.5 WHERE `id` = ?', [
    courses.C1.courseId,
  ]);
  // Registered before the period (the row's time is the database's, not the clock's).
  await dataSource.query(
    "UPDATE `facilities` SET `created_at` = '2025-03-01' WHERE `admin_unit_id` IN (?)",
    [[units.D1, units.D2, units.D3]],
  );
  // D1: 6 learners, D2: 8, D3: 2.
  for (const [course, count] of [
    ['C1', 6],
    ['C2', 8],
    ['C3', 2],
  ] as const)
    for (const userId of await insertLearners(dataSource, count))
      await moduleRef.get(EnrollLearnerService).enroll(userId, courses[course].courseId);
  await relay();
});

afterAll(async () => {
  await moduleRef.close();
});

/** The stored figures of a cell (all facility types unless named); zeros when there is none. */
async function cell(unitId: string, period: string, facilityType = ''): Promise<Partial<Figures>> {
  const [row] = await dataSource.query<Record<string, string | number>[]>(
    'SELECT `facilities`, `active_facilities`, `learners`, `enrollments`, `completions`, `learning_hours`, `certificates_issued` ' +
      'FROM `monitoring_figures` WHERE `admin_unit_id` = ? AND `period` = ? AND `facility_type` = ?',
    [unitId, period, facilityType],
  );
  const value = (name: string): number => Number(row?.[name] ?? 0);
  return {
    facilities: value('facilities'),
    active_facilities: value('active_facilities'),
    learners: value('learners'),
    enrollments: value('enrollments'),
    completions: value('completions'),
    learning_hours: value('learning_hours'),
    certificates_issued: value('certificates_issued'),
  };
}

/** Every cell an enrollment at D1's community learning centre touches, in 2026 and 2026-Q2. */
const AFFECTED = (): [string, string, string][] =>
  ['', units.P, units.D1].flatMap((unit) =>
    ['2026', '2026-Q2'].flatMap((period) =>
      ['', 'community_learning_center'].map((type): [string, string, string] => [
        unit,
        period,
        type,
      ]),
    ),
  );

const snapshot = async (): Promise<Partial<Figures>[]> =>
  Promise.all(AFFECTED().map(([unit, period, type]) => cell(unit, period, type)));

describe('programme figures', () => {
  it('computes the figures of each subtree from the events of its facilities', async () => {
    expect(await cell(units.P, '2026')).toEqual({
      facilities: 3,
      active_facilities: 3,
      learners: 16,
      enrollments: 16,
      completions: 0,
      learning_hours: 0,
      certificates_issued: 0,
    });
    expect(await cell(units.P, '2026', 'community_learning_center')).toMatchObject({
      facilities: 2,
      enrollments: 14,
    });
    expect(await cell(units.D2, '2026-Q2')).toMatchObject({ facilities: 1, learners: 8 });
    expect(await cell(units.D2, '2026-Q1')).toMatchObject({ enrollments: 0 });
  });

  it('moves each affected figure once per enrollment, completion and certificate', async () => {
    const [learner] = await insertLearners(dataSource, 1);
    const before = await snapshot();
    const untouched = await cell(units.D2, '2026');

    const { enrollment } = await moduleRef
      .get(EnrollLearnerService)
      .enroll(learner!, courses.C1.courseId);
    expect(await relay()).toBeGreaterThan(0);
    const enrolled = await snapshot();
    enrolled.forEach((figures, i) => {
      expect(figures.enrollments).toBe(before[i]!.enrollments! + 1);
      expect(figures.learners).toBe(before[i]!.learners! + 1);
      expect(figures.completions).toBe(before[i]!.completions);
    });

    // Running the same events again changes nothing: the figure moved once.
    relay.rewind();
    await relay();
    expect(await snapshot()).toEqual(enrolled);

    clock.advance(3_600_000);
    for (const lessonId of courses.C1.lessonIds)
      await moduleRef.get(CompleteLessonService).completeLessonForLearner(learner!, lessonId);
    await relay();
    const completed = await snapshot();
    completed.forEach((figures, i) => {
      expect(figures.enrollments).toBe(enrolled[i]!.enrollments);
      expect(figures.learners).toBe(enrolled[i]!.learners);
      expect(figures.completions).toBe(enrolled[i]!.completions! + 1);
      expect(figures.learning_hours).toBe(enrolled[i]!.learning_hours! + 2.5);
      expect(figures.certificates_issued).toBe(enrolled[i]!.certificates_issued);
    });

    await moduleRef.get(IssueCertificate).issue(enrollment.id);
    await relay();
    const certified = await snapshot();
    certified.forEach((figures, i) => {
      expect(figures.certificates_issued).toBe(completed[i]!.certificates_issued! + 1);
      expect(figures.completions).toBe(completed[i]!.completions);
    });
    // Another district's figures did not move.
    expect(await cell(units.D2, '2026')).toEqual(untouched);
  });

  it('repairs a corrupted or lost cell in the nightly reconciliation, and only then', async () => {
    await jobs.reconcileFigures();
    const good = await cell(units.D1, '2026');
    await dataSource.query(
      "UPDATE `monitoring_figures` SET `enrollments` = 999 WHERE `admin_unit_id` = ? AND `period` = '2026' AND `facility_type` = ''",
      [units.D1],
    );
    await dataSource.query(
      "DELETE FROM `monitoring_figures` WHERE `admin_unit_id` = ? AND `period` = '2026-Q2' AND `facility_type` = ''",
      [units.D3],
    );
    const repair = await jobs.reconcileFigures();
    expect(repair.changed).toBe(2);
    expect(await cell(units.D1, '2026')).toEqual(good);
    expect(await cell(units.D3, '2026-Q2')).toMatchObject({ enrollments: 2, facilities: 1 });
    expect((await jobs.reconcileFigures()).changed).toBe(0);
  });

  it('publishes "< 5" for few people, and for the sibling that would give it away', async () => {
    const tree = await reads.tree({ period: '2026', adminUnitId: units.P });
    expect(tree).toMatchObject({ period: '2026', adminUnitId: units.P, name: 'Tỉnh P' });
    expect(tree.figures).toMatchObject({ enrollments: 17, completions: FEW, facilities: 3 });
    const byName = Object.fromEntries(tree.children.map((child) => [child.name, child.figures]));
    // D3 has 2 enrollments; D1 (7) is the smallest other, so 17 − 8 cannot reveal D3's.
    expect(byName['Huyện D3']).toMatchObject({ enrollments: FEW, learners: FEW, facilities: 1 });
    // D1's one completion is hidden, so are the 2.5 hours summed over it.
    expect(byName['Huyện D1']).toMatchObject({
      enrollments: FEW,
      completions: FEW,
      learning_hours: FEW,
    });
    expect(byName['Huyện D2']).toMatchObject({ enrollments: 8, learners: 8 });
    // A district asked for itself hides what it hides among its siblings.
    const d1 = await reads.tree({ period: '2026', adminUnitId: units.D1 });
    expect(d1.figures.enrollments).toBe(FEW);
    expect(d1.children).toEqual([]);
  });

  it('filters by facility type and covers the whole country without a unit', async () => {
    const lifeSkills = await reads.tree({ period: '2026-Q2', facilityType: 'life_skills_center' });
    expect(lifeSkills.adminUnitId).toBeNull();
    expect(lifeSkills.figures.facilities).toBe(1);
    const country = await reads.tree({ period: '2026' });
    expect(country.children.map((child) => child.adminUnitId)).toContain(units.P);
  });

  it.each(['2026-Q5', '20266', '2026-Q', undefined])('refuses the period %p', async (period) => {
    await expect(reads.tree({ period, adminUnitId: units.P })).rejects.toMatchObject({
      code: 'INVALID_PERIOD',
    });
  });

  it('refuses an unknown unit and an unknown facility type', async () => {
    await expect(
      reads.tree({ period: '2026', adminUnitId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'ADMIN_UNIT_NOT_FOUND' });
    await expect(reads.tree({ period: '2026', facilityType: 'casino' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('writes the CSV formula-safe, one row per unit', async () => {
    await dataSource.query('UPDATE `admin_units` SET `name` = ? WHERE `id` = ?', [
      '=HYPERLINK("x")',
      units.D2,
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await reads.csv({ period: '2026', adminUnitId: units.P }))
      chunks.push(Buffer.from(chunk as string));
    const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'period,facility_type,admin_unit_id,name,facilities,active_facilities,learners,enrollments,completions,completion_rate,learning_hours,certificates_issued,television_airings,television_attendances,television_group_attendances,trained_civil_servants_central,trained_civil_servants_province,trained_civil_servants_district,trained_civil_servants_commune,offline_classes,offline_class_learners',
    );
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => line.includes(units.D2))).toContain(`'=HYPERLINK`);
    expect(lines.find((line) => line.includes(units.D3))).toContain('< 5');
  });

  it('follows a withdrawal and a facility registered without waiting for the night', async () => {
    const [learner] = await insertLearners(dataSource, 1);
    const before = await cell(units.D2, '2026');
    const { enrollment } = await moduleRef
      .get(EnrollLearnerService)
      .enroll(learner!, courses.C2.courseId);
    await relay();
    expect((await cell(units.D2, '2026')).enrollments).toBe(before.enrollments! + 1);
    await moduleRef.get(WithdrawEnrollmentService).withdraw(learner!, enrollment.id);
    await relay();
    expect(await cell(units.D2, '2026')).toEqual(before);

    // A facility's row is stamped by the database's clock, so its period is today's.
    const [thisYear] = periodsOf(new Date());
    const registered = await cell(units.D2, thisYear);
    await moduleRef.get(FacilitiesService).create(admin, {
      code: `F-NEW-${Date.now().toString(36)}`,
      name: 'Trung tâm mới',
      type: 'community_learning_center',
      adminUnitId: units.D2,
    });
    await relay();
    expect((await cell(units.D2, thisYear)).facilities).toBe(registered.facilities! + 1);
  });
});
