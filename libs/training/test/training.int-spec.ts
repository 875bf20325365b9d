import { ManualClock } from '@lifelong/common';
import { CompleteLessonService, EnrollLearnerService } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import {
  AssignmentReads,
  ComplianceReport,
  ComplianceSnapshots,
  RequirementsService,
  TrainingJobs,
} from '@lifelong/training';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  buildCourse,
  facility,
  insertLearners,
  orgManager,
  orgUnit,
  outboxEvents,
  place,
  platformAdmin,
  statusesOf,
  trainingModule,
} from './training-testing';

const DAY = 86_400_000;
const clock = new ManualClock('2026-12-01T08:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let admin: Principal;
let facilityId: string;
let requirements: RequirementsService;
let jobs: TrainingJobs;
let lessons: CompleteLessonService;

beforeAll(async () => {
  moduleRef = await trainingModule(clock);
  dataSource = moduleRef.get(DataSource);
  admin = await platformAdmin(dataSource);
  facilityId = await facility(moduleRef, admin);
  requirements = moduleRef.get(RequirementsService);
  jobs = moduleRef.get(TrainingJobs);
  lessons = moduleRef.get(CompleteLessonService);
});

afterAll(async () => {
  await moduleRef.close();
});

/** A published two-lesson course with a single seat: capacity never blocks mandated training. */
const twoLessonCourse = (): Promise<{ courseId: string; lessonIds: string[] }> =>
  buildCourse(moduleRef, admin, facilityId, {
    capacity: 1,
    lessons: [
      { title: 'Bài 1', kind: 'video', durationSeconds: 60 },
      { title: 'Bài 2', kind: 'video', durationSeconds: 60 },
    ],
  });

/** Completes every lesson for the learner, then runs the route `enrollment.completed` has. */
async function completeCourse(userId: string, lessonIds: string[]): Promise<void> {
  for (const lessonId of lessonIds) await lessons.completeLessonForLearner(userId, lessonId);
  const [row] = await dataSource.query<{ id: string }[]>(
    'SELECT e.`id` FROM `enrollments` e JOIN `lessons` l ON l.`course_id` = e.`course_id` WHERE e.`user_id` = ? AND l.`id` = ?',
    [userId, lessonIds[0]],
  );
  await jobs.completeAssignment({ enrollmentId: row!.id });
}

/** Every assignment of a learner (one page holds them all here). */
const assignmentsOf = async (userId: string) =>
  (await moduleRef.get(AssignmentReads).mine(userId, { page: 1, pageSize: 100 })).items;

const count = async (sql: string, params: unknown[]): Promise<number> => {
  const [row] = await dataSource.query<{ n: string | number }[]>(sql, params);
  return Number(row?.n ?? 0);
};

const eventsOf = async (type: string, requirementId: string): Promise<Record<string, unknown>[]> =>
  (await outboxEvents(dataSource, type)).filter((event) => event.requirementId === requirementId);

describe('requirements', () => {
  it('refuses an unpublished course, dueDays with dueDate, 02-30, and a unit outside scope', async () => {
    const ministry = await orgUnit(moduleRef, admin, 'Bộ Nội vụ');
    const [deptA, deptB] = [
      await orgUnit(moduleRef, admin, 'Vụ A', ministry),
      await orgUnit(moduleRef, admin, 'Vụ B', ministry),
    ];
    const { courseId } = await twoLessonCourse();
    const draft = await buildCourse(moduleRef, admin, facilityId, { publish: false });
    const base = { title: 'An toàn thông tin', courseId, orgUnitId: deptA, dueDays: 30 };
    await expect(
      requirements.create(admin, { ...base, courseId: draft.courseId }),
    ).rejects.toMatchObject({ code: 'COURSE_NOT_PUBLISHED', kind: 'rule' });
    await expect(
      requirements.create(admin, { ...base, dueDate: '2027-01-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', kind: 'invalid' });
    await expect(
      requirements.create(admin, { ...base, recurrence: { annualOn: '02-30' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const [managerId] = await insertLearners(dataSource, 1);
    const manager = await orgManager(dataSource, managerId!, deptA);
    await expect(requirements.create(manager, { ...base, orgUnitId: deptB })).rejects.toMatchObject(
      { kind: 'forbidden' },
    );
    const mine = await requirements.create(manager, base);
    expect(mine.rules.version).toBe(1);
    await expect(
      requirements.update(manager, mine.requirement.id, { ...base, orgUnitId: deptB }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await requirements.list(manager, { page: 1, pageSize: 20 })).items).toHaveLength(1);
  });
});

describe('assignments kept in step', () => {
  it('assigns the target once whatever the capacity, narrows by position, and re-runs change nothing', async () => {
    const ministry = await orgUnit(moduleRef, admin, 'Bộ Tài chính');
    const deptA = await orgUnit(moduleRef, admin, 'Vụ Ngân sách', ministry);
    const team = await orgUnit(moduleRef, admin, 'Phòng 1', deptA);
    const outside = await orgUnit(moduleRef, admin, 'Bộ khác');
    const people = await insertLearners(dataSource, 5);
    await place(moduleRef, people.slice(0, 2), deptA);
    await place(moduleRef, people.slice(2, 3), team, 'Trưởng phòng');
    await place(moduleRef, people.slice(3, 4), ministry);
    await place(moduleRef, people.slice(4), outside);
    const { courseId } = await twoLessonCourse();
    // The single seat is taken and someone waits: mandated training seats them anyway.
    const enroll = moduleRef.get(EnrollLearnerService);
    expect((await enroll.enroll(people[0]!, courseId)).enrollment.status).toBe('active');
    expect((await enroll.enroll(people[1]!, courseId)).enrollment.status).toBe('waitlisted');
    const { requirement } = await requirements.create(admin, {
      title: 'Luật Ngân sách',
      courseId,
      orgUnitId: ministry,
      dueDays: 30,
    });
    expect(await eventsOf('training.assigned', requirement.id)).toEqual([]);
    expect(
      (await outboxEvents(dataSource, 'training.requirement-changed')).map((e) => e.requirementId),
    ).toContain(requirement.id);

    expect(await jobs.syncRequirement({ requirementId: requirement.id })).toEqual({
      assigned: 4,
      closed: 0,
    });
    const assigned = await statusesOf(dataSource, requirement.id);
    expect(Object.keys(assigned).sort()).toEqual(people.slice(0, 4).sort());
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM `enrollments` WHERE `course_id` = ? AND `status` = 'active'",
        [courseId],
      ),
    ).toBe(4);
    expect(
      await count('SELECT `active_enrollments` AS n FROM `courses` WHERE `id` = ?', [courseId]),
    ).toBe(4);
    const [notice] = await eventsOf('training.assigned', requirement.id);
    expect((notice?.recipientIds as string[]).sort()).toEqual(people.slice(0, 4).sort());

    const reruns = await Promise.all([
      jobs.syncRequirement({ requirementId: requirement.id }),
      jobs.syncRequirement({ requirementId: requirement.id }),
    ]);
    expect(reruns).toEqual([
      { assigned: 0, closed: 0 },
      { assigned: 0, closed: 0 },
    ]);
    expect(await eventsOf('training.assigned', requirement.id)).toHaveLength(1);
    expect(
      await count('SELECT COUNT(*) AS n FROM `training_assignments` WHERE `requirement_id` = ?', [
        requirement.id,
      ]),
    ).toBe(4);

    const heads = await requirements.create(admin, {
      title: 'Lãnh đạo quản lý',
      courseId,
      orgUnitId: ministry,
      positions: ['Trưởng phòng'],
    });
    // Two first runs racing (a retried job and the original) still assign once.
    const [one, other] = await Promise.all([
      jobs.syncRequirement({ requirementId: heads.requirement.id }),
      jobs.syncRequirement({ requirementId: heads.requirement.id }),
    ]);
    expect(one.assigned + other.assigned).toBe(1);
    expect(Object.keys(await statusesOf(dataSource, heads.requirement.id))).toEqual([people[2]]);
    expect(await eventsOf('training.assigned', heads.requirement.id)).toHaveLength(1);
  });

  it('keeps one assignment for a move inside the target and closes it (history kept) on leaving', async () => {
    const ministry = await orgUnit(moduleRef, admin, 'Bộ Y tế');
    const [deptA, deptB] = [
      await orgUnit(moduleRef, admin, 'Cục A', ministry),
      await orgUnit(moduleRef, admin, 'Cục B', ministry),
    ];
    const outside = await orgUnit(moduleRef, admin, 'Sở ngoài');
    const [mover, leaver] = await insertLearners(dataSource, 2);
    await place(moduleRef, [mover!, leaver!], deptA);
    const { courseId, lessonIds } = await twoLessonCourse();
    const { requirement } = await requirements.create(admin, {
      title: 'Y đức',
      courseId,
      orgUnitId: ministry,
      dueDays: 30,
    });
    await jobs.syncRequirement({ requirementId: requirement.id });
    await lessons.completeLessonForLearner(leaver!, lessonIds[0]!);

    await place(moduleRef, [mover!], deptB);
    await place(moduleRef, [leaver!], outside);
    const changed = await outboxEvents(dataSource, 'organizations.memberships-changed');
    const moved = changed.flatMap((event) => event.userIds as unknown as string[]);
    expect(moved).toEqual(expect.arrayContaining([mover, leaver]));
    expect(await jobs.syncPeople({ userIds: [mover!, leaver!] })).toEqual({
      assigned: 0,
      closed: 1,
    });

    expect(await statusesOf(dataSource, requirement.id)).toEqual({ [mover!]: 'assigned' });
    // Two units of the target over time, one assignment, never closed.
    expect(await assignmentsOf(mover!)).toEqual([
      expect.objectContaining({ status: 'assigned', closedAt: null }),
    ]);
    const history = await assignmentsOf(leaver!);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ title: 'Y đức', status: 'in_progress' });
    expect(history[0]!.closedAt).not.toBeNull();
  });

  it('moves open assignments to a new version while completed ones keep theirs, with the certificate', async () => {
    const unit = await orgUnit(moduleRef, admin, 'Bộ Xây dựng');
    const [done, open] = await insertLearners(dataSource, 2);
    await place(moduleRef, [done!, open!], unit);
    const { courseId, lessonIds } = await twoLessonCourse();
    const body = { title: 'Quy chuẩn', courseId, orgUnitId: unit, dueDays: 30 };
    const { requirement } = await requirements.create(admin, body);
    await jobs.syncRequirement({ requirementId: requirement.id });
    await completeCourse(done!, lessonIds);
    const [completed] = await assignmentsOf(done!);
    expect(completed).toMatchObject({ status: 'completed', expiresAt: null });
    await jobs.attachCertificate({ enrollmentId: completed!.enrollmentId!, serial: 'LL-TEST-1' });

    clock.advance(2 * DAY);
    const edited = await requirements.update(admin, requirement.id, {
      ...body,
      title: 'Quy chuẩn 2027',
      dueDays: 60,
    });
    expect(edited.rules.version).toBe(2);
    await jobs.syncRequirement({ requirementId: requirement.id });
    const [finished] = await assignmentsOf(done!);
    expect(finished).toMatchObject({
      requirementVersion: 1,
      title: 'Quy chuẩn',
      certificateSerial: 'LL-TEST-1',
    });
    const [followed] = await assignmentsOf(open!);
    expect(followed).toMatchObject({ requirementVersion: 2, title: 'Quy chuẩn 2027' });
    expect(new Date(followed!.dueAt!).getTime() - new Date(followed!.assignedAt).getTime()).toBe(
      60 * DAY,
    );
  });
});

describe("a learner's own list", () => {
  it('puts the overdue assignment first, then the rest by due date, with sort=due', async () => {
    clock.set('2027-03-01T08:00:00.000Z');
    const unit = await orgUnit(moduleRef, admin, 'Sở Công Thương');
    const [learnerId] = await insertLearners(dataSource, 1);
    await place(moduleRef, [learnerId!], unit);
    const assign = async (title: string, dueDays: number): Promise<void> => {
      const { courseId } = await twoLessonCourse();
      const { requirement } = await requirements.create(admin, {
        title,
        courseId,
        orgUnitId: unit,
        dueDays,
      });
      await jobs.syncRequirement({ requirementId: requirement.id });
      clock.advance(60_000);
    };
    await assign('Hạn 5 ngày', 5);
    await assign('Hạn 30 ngày', 30);
    await assign('Hạn 60 ngày', 60);
    clock.advance(6 * DAY);
    await jobs.scanDeadlines();

    const reads = moduleRef.get(AssignmentReads);
    const page = { page: 1, pageSize: 20 };
    const recent = await reads.mine(learnerId!, page);
    expect(recent.items.map((item) => item.title)).toEqual([
      'Hạn 60 ngày',
      'Hạn 30 ngày',
      'Hạn 5 ngày',
    ]);
    const due = await reads.mine(learnerId!, page, 'due');
    expect(due.items.map((item) => [item.title, item.status])).toEqual([
      ['Hạn 5 ngày', 'overdue'],
      ['Hạn 30 ngày', 'assigned'],
      ['Hạn 60 ngày', 'assigned'],
    ]);
  });
});

describe('deadlines on the clock', () => {
  it('reminds, marks overdue, tells the unit managers and escalates one unit up, each once', async () => {
    clock.set('2027-01-01T08:00:00.000Z');
    const parent = await orgUnit(moduleRef, admin, 'Tổng cục');
    const dept = await orgUnit(moduleRef, admin, 'Cục Thuế', parent);
    const [x1, x2, managerId, parentManagerId] = await insertLearners(dataSource, 4);
    await place(moduleRef, [x1!, x2!], dept);
    await orgManager(dataSource, managerId!, dept);
    await orgManager(dataSource, parentManagerId!, parent);
    const { courseId, lessonIds } = await twoLessonCourse();
    const { requirement } = await requirements.create(admin, {
      title: 'Quản lý thuế',
      courseId,
      orgUnitId: dept,
      dueDays: 20,
    });
    await jobs.syncRequirement({ requirementId: requirement.id });

    clock.advance(7 * DAY);
    await jobs.scanDeadlines();
    await jobs.scanDeadlines();
    const soon = await eventsOf('training.due-soon', requirement.id);
    expect(soon.map((event) => event.daysLeft)).toEqual(['14']);
    expect(soon[0]).toMatchObject({ title: 'Quản lý thuế' });
    expect(soon[0]!.courseTitle).toMatch(/^Khoá học thử/);
    expect((soon[0]!.recipientIds as string[]).sort()).toEqual([x1, x2].sort());

    await lessons.completeLessonForLearner(x1!, lessonIds[0]!);
    clock.advance(11 * DAY);
    await jobs.scanDeadlines();
    expect(await statusesOf(dataSource, requirement.id)).toEqual({
      [x1!]: 'in_progress',
      [x2!]: 'assigned',
    });
    expect((await eventsOf('training.due-soon', requirement.id)).map((e) => e.daysLeft)).toEqual([
      '14',
      '3',
    ]);

    clock.advance(3 * DAY);
    // Two scans racing (two workers): the ledger lets each notice through once.
    await Promise.all([jobs.scanDeadlines(), jobs.scanDeadlines()]);
    expect(await statusesOf(dataSource, requirement.id)).toEqual({
      [x1!]: 'overdue',
      [x2!]: 'overdue',
    });
    const overdue = await eventsOf('training.overdue', requirement.id);
    expect(overdue).toHaveLength(2);
    expect(overdue.find((event) => event.audience === 'learner')?.recipientIds).toHaveLength(2);
    expect(overdue.find((event) => event.audience === 'manager')).toMatchObject({
      recipientIds: [managerId],
      staffCount: '2',
      orgUnitName: 'Cục Thuế',
    });
    expect(await eventsOf('training.escalated', requirement.id)).toEqual([]);

    clock.advance(14 * DAY);
    await jobs.scanDeadlines();
    await jobs.scanDeadlines();
    const escalated = await eventsOf('training.escalated', requirement.id);
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ recipientIds: [parentManagerId], staffCount: '2' });
  });

  it('tells the nearest managed unit above a unit without managers, and escalates past it', async () => {
    clock.set('2027-02-01T08:00:00.000Z');
    const ministry = await orgUnit(moduleRef, admin, 'Bộ Nội vụ');
    const department = await orgUnit(moduleRef, admin, 'Vụ Tổ chức', ministry);
    const managedOffice = await orgUnit(moduleRef, admin, 'Phòng Một', department);
    const bareOffice = await orgUnit(moduleRef, admin, 'Phòng Hai', department);
    const [inManaged, inBare, officeManager, ministryManager] = await insertLearners(dataSource, 4);
    await place(moduleRef, [inManaged!], managedOffice);
    await place(moduleRef, [inBare!], bareOffice);
    await orgManager(dataSource, officeManager!, managedOffice);
    await orgManager(dataSource, ministryManager!, ministry);
    const { courseId } = await twoLessonCourse();
    const { requirement } = await requirements.create(admin, {
      title: 'Công vụ',
      courseId,
      orgUnitId: department,
      dueDays: 10,
    });
    await jobs.syncRequirement({ requirementId: requirement.id });

    clock.advance(11 * DAY);
    await jobs.scanDeadlines();
    const toManagers = (await eventsOf('training.overdue', requirement.id))
      .filter((event) => event.audience === 'manager')
      .map((event) => [event.recipientIds, event.orgUnitName, event.staffCount]);
    expect(toManagers.sort()).toEqual(
      [
        [[officeManager], 'Phòng Một', '1'],
        // Phòng Hai and Vụ Tổ chức have no manager: the ministry's answers for its learner.
        [[ministryManager], 'Bộ Nội vụ', '1'],
      ].sort(),
    );

    clock.advance(14 * DAY);
    await jobs.scanDeadlines();
    // Phòng Một's learner goes past the manager-less department to the ministry; nobody is
    // above the ministry for Phòng Hai's.
    expect(
      (await eventsOf('training.escalated', requirement.id)).map((event) => [
        event.recipientIds,
        event.orgUnitName,
        event.staffCount,
      ]),
    ).toEqual([[[ministryManager], 'Bộ Nội vụ', '1']]);
  });

  it('opens the next cycle in the recertification window and expires a completion with none', async () => {
    clock.set('2027-03-01T08:00:00.000Z');
    const unit = await orgUnit(moduleRef, admin, 'Sở Tư pháp');
    const [renewer, lapser] = await insertLearners(dataSource, 2);
    await place(moduleRef, [renewer!], unit);
    const lapseUnit = await orgUnit(moduleRef, admin, 'Phòng Hộ tịch', unit);
    await place(moduleRef, [lapser!], lapseUnit);
    const annual = await twoLessonCourse();
    const monthly = await twoLessonCourse();
    const yearly = await requirements.create(admin, {
      title: 'Pháp luật hằng năm',
      courseId: annual.courseId,
      orgUnitId: unit,
      includeDescendants: false,
      recurrence: { everyMonths: 12 },
      windowDays: 30,
    });
    const short = await requirements.create(admin, {
      title: 'Cập nhật hằng tháng',
      courseId: monthly.courseId,
      orgUnitId: lapseUnit,
      recurrence: { everyMonths: 1 },
      windowDays: 0,
    });
    await jobs.syncRequirement({ requirementId: yearly.requirement.id });
    await jobs.syncRequirement({ requirementId: short.requirement.id });
    await completeCourse(renewer!, annual.lessonIds);
    await completeCourse(lapser!, monthly.lessonIds);
    const [first] = await assignmentsOf(renewer!);
    expect(first!.expiresAt!.toISOString()).toBe('2028-03-01T08:00:00.000Z');

    clock.set('2027-04-02T08:00:00.000Z');
    await jobs.scanDeadlines();
    expect(await statusesOf(dataSource, short.requirement.id)).toEqual({ [lapser!]: 'expired' });
    // Without a recertification window nothing renews it: it stays expired for the managers.
    await jobs.syncPeople({ userIds: [lapser!] });
    expect(await statusesOf(dataSource, short.requirement.id)).toEqual({ [lapser!]: 'expired' });

    clock.set('2028-02-10T08:00:00.000Z');
    await jobs.scanDeadlines();
    await jobs.scanDeadlines();
    const cycles = await assignmentsOf(renewer!);
    expect(cycles).toHaveLength(2);
    expect(cycles[0]).toMatchObject({ status: 'assigned', closedAt: null });
    expect(cycles[0]!.dueAt!.toISOString()).toBe('2028-03-01T08:00:00.000Z');
    expect(cycles[1]).toMatchObject({ status: 'completed' });
    expect(cycles[1]!.closedAt).not.toBeNull();
    const [enrollment] = await dataSource.query<{ status: string }[]>(
      'SELECT `status` FROM `enrollments` WHERE `id` = ?',
      [cycles[0]!.enrollmentId],
    );
    expect(enrollment?.status).toBe('active');
    await completeCourse(renewer!, annual.lessonIds);
    const [renewed] = await assignmentsOf(renewer!);
    expect(renewed).toMatchObject({ status: 'completed' });
    expect(renewed!.expiresAt!.toISOString()).toBe('2029-02-10T08:00:00.000Z');
  });
});

describe('managers and inspectors', () => {
  it('rolls compliance up the tree, freezes snapshots, streams CSV and keeps managers in scope', async () => {
    clock.set('2027-06-01T08:00:00.000Z');
    const root = await orgUnit(moduleRef, admin, 'Bộ Giáo dục');
    const [u1, u2, empty] = [
      await orgUnit(moduleRef, admin, 'Vụ Đại học', root),
      await orgUnit(moduleRef, admin, 'Vụ Giáo dục Thường xuyên', root),
      await orgUnit(moduleRef, admin, 'Vụ Trống', root),
    ];
    const [c1, c2, c3, managerId, strangerId] = await insertLearners(dataSource, 5);
    await place(moduleRef, [c1!, c2!], u1);
    await place(moduleRef, [c3!], u2);
    const manager = await orgManager(dataSource, managerId!, u1);
    const stranger = await orgManager(
      dataSource,
      strangerId!,
      await orgUnit(moduleRef, admin, 'X'),
    );
    const { courseId, lessonIds } = await twoLessonCourse();
    const { requirement } = await requirements.create(admin, {
      title: 'Chuyển đổi số',
      courseId,
      orgUnitId: root,
      dueDays: 10,
    });
    await jobs.syncRequirement({ requirementId: requirement.id });
    await completeCourse(c1!, lessonIds);
    await lessons.completeLessonForLearner(c3!, lessonIds[0]!);
    await jobs.scanDeadlines();

    const report = moduleRef.get(ComplianceReport);
    const tree = await report.tree(admin, root);
    expect(tree).toMatchObject({
      assigned: 3,
      completed: 1,
      inProgress: 1,
      compliantPercent: 33.3,
    });
    const byName = Object.fromEntries(tree.children.map((child) => [child.name, child]));
    expect(byName['Vụ Đại học']).toMatchObject({ assigned: 2, completed: 1, compliantPercent: 50 });
    expect(byName['Vụ Giáo dục Thường xuyên']).toMatchObject({ assigned: 1, inProgress: 1 });
    expect(await report.tree(admin, empty)).toMatchObject({
      assigned: 0,
      completed: 0,
      compliantPercent: 0,
      children: [],
    });

    await expect(report.tree(manager, root)).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await report.tree(manager, u1)).assigned).toBe(2);
    const reads = moduleRef.get(AssignmentReads);
    await expect(reads.staff(stranger, u1, {}, { page: 1, pageSize: 20 })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const done = await reads.staff(manager, u1, { status: 'completed' }, { page: 1, pageSize: 20 });
    expect(done.items.map((member) => member.userId)).toEqual([c1]);
    expect(done.items[0]!.assignments[0]).toMatchObject({ status: 'completed' });

    const snapshots = moduleRef.get(ComplianceSnapshots);
    const snapshot = await snapshots.take(admin, root, '2027-Q2');
    await completeCourse(c2!, lessonIds);
    expect((await report.tree(admin, root)).completed).toBe(2);
    const frozen = await snapshots.find(admin, snapshot.id);
    expect(frozen.rows.find((row) => row.orgUnitId === root)).toMatchObject({
      assigned: 3,
      completed: 1,
    });
    expect(frozen.rows).toHaveLength(4);
    await expect(snapshots.take(admin, root, '2027-Q2')).rejects.toMatchObject({
      code: 'SNAPSHOT_EXISTS',
      kind: 'conflict',
    });
    await expect(snapshots.take(admin, root, '2027-Q5')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(snapshots.find(stranger, snapshot.id)).rejects.toMatchObject({
      kind: 'not_found',
    });

    const chunks: Buffer[] = [];
    for await (const chunk of await report.csv(admin, root))
      chunks.push(Buffer.from(chunk as Buffer));
    const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'orgUnitId,code,name,depth,assigned,completed,inProgress,overdue,expired,compliantPercent',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(new RegExp(`^${root},.*,Bộ Giáo dục,1,3,2,1,0,0,66\\.7$`));
    await expect(report.csv(stranger, root)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
