import { ManualClock } from '@lifelong/common';
import { CompleteLessonService } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import { ComplianceReport, RequirementsService, TrainingJobs } from '@lifelong/training';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  buildCourse,
  facility,
  insertLearners,
  orgUnit,
  place,
  platformAdmin,
  trainingModule,
} from './training-testing';

// The report reads maintained per-unit counts: each change to an assignment or a membership
// must move the figures it concerns exactly once, and the nightly check must repair drift.

const DAY = 86_400_000;
const clock = new ManualClock('2027-03-01T08:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let admin: Principal;
let jobs: TrainingJobs;
let report: ComplianceReport;

beforeAll(async () => {
  moduleRef = await trainingModule(clock);
  dataSource = moduleRef.get(DataSource);
  admin = await platformAdmin(dataSource);
  jobs = moduleRef.get(TrainingJobs);
  report = moduleRef.get(ComplianceReport);
});

afterAll(async () => {
  await moduleRef.close();
});

type Figures = Record<'assigned' | 'completed' | 'inProgress' | 'overdue' | 'expired', number>;

/** The root's figures and each child's, by name. */
async function figures(rootId: string): Promise<Record<string, Figures>> {
  const tree = await report.tree(admin, rootId);
  const pick = ({ assigned, completed, inProgress, overdue, expired }: Figures): Figures => ({
    assigned,
    completed,
    inProgress,
    overdue,
    expired,
  });
  const entries: [string, Figures][] = [
    ['root', pick(tree)],
    ...tree.children.map((child): [string, Figures] => [child.name, pick(child)]),
  ];
  return Object.fromEntries(entries);
}

const zero: Figures = { assigned: 0, completed: 0, inProgress: 0, overdue: 0, expired: 0 };
const of = (figures: Partial<Figures>): Figures => ({ ...zero, ...figures });

interface World {
  root: string;
  people: string[];
  lessonIds: string[];
  outside: string;
}

/** A ministry with two departments, three people (two in A, one in B), one requirement on it. */
async function world(name: string): Promise<World> {
  const root = await orgUnit(moduleRef, admin, name);
  const a = await orgUnit(moduleRef, admin, 'A', root);
  const b = await orgUnit(moduleRef, admin, 'B', root);
  const outside = await orgUnit(moduleRef, admin, `${name} (ngoài)`);
  const people = await insertLearners(dataSource, 3);
  await place(moduleRef, [people[0]!, people[1]!], a);
  await place(moduleRef, [people[2]!], b);
  const { courseId, lessonIds } = await buildCourse(
    moduleRef,
    admin,
    await facility(moduleRef, admin),
    { lessons: [{ title: 'Bài 1', kind: 'video', durationSeconds: 60 }] },
  );
  const { requirement } = await moduleRef.get(RequirementsService).create(admin, {
    title: 'An toàn thông tin',
    courseId,
    orgUnitId: root,
    dueDays: 10,
  });
  await jobs.syncRequirement({ requirementId: requirement.id });
  return { root, people, lessonIds, outside };
}

async function complete(userId: string, lessonId: string): Promise<void> {
  await moduleRef.get(CompleteLessonService).completeLessonForLearner(userId, lessonId);
  const [row] = await dataSource.query<{ id: string }[]>(
    'SELECT e.`id` FROM `enrollments` e JOIN `lessons` l ON l.`course_id` = e.`course_id` WHERE e.`user_id` = ? AND l.`id` = ?',
    [userId, lessonId],
  );
  await jobs.completeAssignment({ enrollmentId: row!.id });
}

describe('compliance counts', () => {
  it('moves each figure once as people are assigned, complete, fall overdue, move and leave', async () => {
    clock.set('2027-03-01T08:00:00.000Z');
    const { root, people, lessonIds, outside } = await world('Bộ Công an');
    const [p1, p2, p3] = people as [string, string, string];
    expect(await figures(root)).toEqual({
      root: of({ assigned: 3 }),
      A: of({ assigned: 2 }),
      B: of({ assigned: 1 }),
    });

    await complete(p1, lessonIds[0]!);
    expect(await figures(root)).toEqual({
      root: of({ assigned: 3, completed: 1 }),
      A: of({ assigned: 2, completed: 1 }),
      B: of({ assigned: 1 }),
    });

    // The deadline scan turns the two open ones overdue in one UPDATE … JOIN.
    clock.advance(11 * DAY);
    await jobs.scanDeadlines();
    expect(await figures(root)).toEqual({
      root: of({ assigned: 3, completed: 1, overdue: 2 }),
      A: of({ assigned: 2, completed: 1, overdue: 1 }),
      B: of({ assigned: 1, overdue: 1 }),
    });

    // A move inside the target keeps the assignment: it counts in the new unit only.
    const [b] = await dataSource.query<{ id: string }[]>(
      "SELECT `id` FROM `org_units` WHERE `parent_id` = ? AND `name` = 'B'",
      [root],
    );
    await place(moduleRef, [p2], b!.id);
    await jobs.syncPeople({ userIds: [p2] });
    expect(await figures(root)).toEqual({
      root: of({ assigned: 3, completed: 1, overdue: 2 }),
      A: of({ assigned: 1, completed: 1 }),
      B: of({ assigned: 2, overdue: 2 }),
    });

    // Leaving the target closes the open assignment: it stops counting anywhere.
    await place(moduleRef, [p3], outside);
    await jobs.syncPeople({ userIds: [p3] });
    expect(await figures(root)).toEqual({
      root: of({ assigned: 2, completed: 1, overdue: 1 }),
      A: of({ assigned: 1, completed: 1 }),
      B: of({ assigned: 1, overdue: 1 }),
    });
    expect((await report.tree(admin, outside)).assigned).toBe(0);
    expect(await jobs.reconcileCounts()).toEqual({ repaired: 0 });
  });

  it('repairs counts that drifted from the assignments, and finds nothing on the next night', async () => {
    clock.set('2027-03-01T08:00:00.000Z');
    const { root, people, lessonIds } = await world('Bộ Quốc phòng');
    await complete(people[0]!, lessonIds[0]!);
    const truth = await figures(root);
    const [a, b] = await dataSource.query<{ id: string }[]>(
      'SELECT `id` FROM `org_units` WHERE `parent_id` = ? ORDER BY `name`',
      [root],
    );
    await dataSource.query(
      'UPDATE `training_unit_counts` SET `completed` = `completed` + 5, `overdue` = 7 WHERE `org_unit_id` = ?',
      [a!.id],
    );
    await dataSource.query('DELETE FROM `training_unit_counts` WHERE `org_unit_id` = ?', [b!.id]);
    expect(await figures(root)).not.toEqual(truth);

    expect(await jobs.reconcileCounts()).toEqual({ repaired: 2 });
    expect(await figures(root)).toEqual(truth);
    expect(truth).toEqual({
      root: of({ assigned: 3, completed: 1 }),
      A: of({ assigned: 2, completed: 1 }),
      B: of({ assigned: 1 }),
    });
    expect(await jobs.reconcileCounts()).toEqual({ repaired: 0 });
  });
  it('moves a completion to expired, and a renewal to the new cycle, once each', async () => {
    clock.set('2027-03-01T08:00:00.000Z');
    const root = await orgUnit(moduleRef, admin, 'Sở Nội vụ');
    const a = await orgUnit(moduleRef, admin, 'A', root);
    const [lapser, renewer] = await insertLearners(dataSource, 2);
    await place(moduleRef, [lapser!, renewer!], a);
    const requirements = moduleRef.get(RequirementsService);
    const course = await buildCourse(moduleRef, admin, await facility(moduleRef, admin), {
      lessons: [{ title: 'Bài 1', kind: 'video', durationSeconds: 60 }],
    });
    const monthly = await requirements.create(admin, {
      title: 'Cập nhật hằng tháng',
      courseId: course.courseId,
      orgUnitId: root,
      recurrence: { everyMonths: 1 },
      windowDays: 0,
    });
    await jobs.syncRequirement({ requirementId: monthly.requirement.id });
    await complete(lapser!, course.lessonIds[0]!);
    await complete(renewer!, course.lessonIds[0]!);
    expect((await figures(root)).A).toEqual(of({ assigned: 2, completed: 2 }));

    // Past its month with no window: the scan's UPDATE expires both completions.
    clock.set('2027-04-02T08:00:00.000Z');
    await jobs.scanDeadlines();
    const expired = await figures(root);
    expect(expired.A).toEqual(of({ assigned: 2, expired: 2 }));
    expect(expired.root).toEqual(expired.A);

    // A yearly one with a 30-day window: the scan opens the next cycle and closes the completed.
    const office = await orgUnit(moduleRef, admin, 'Văn phòng');
    const [clerk] = await insertLearners(dataSource, 1);
    await place(moduleRef, [clerk!], office);
    const yearly = await requirements.create(admin, {
      title: 'Pháp luật hằng năm',
      courseId: course.courseId,
      orgUnitId: office,
      recurrence: { everyMonths: 12 },
      windowDays: 30,
    });
    await jobs.syncRequirement({ requirementId: yearly.requirement.id });
    await complete(clerk!, course.lessonIds[0]!);
    expect((await figures(office)).root).toEqual(of({ assigned: 1, completed: 1 }));
    clock.set('2028-03-10T08:00:00.000Z');
    await jobs.scanDeadlines();
    await jobs.scanDeadlines();
    expect((await figures(office)).root).toEqual(of({ assigned: 1 }));
    expect(await jobs.reconcileCounts()).toEqual({ repaired: 0 });
  });
});
