import { EVENT_ROUTES, ManualClock } from '@lifelong/common';
import { Course, CourseAuthoring } from '@lifelong/courses';
import {
  EnrollLearnerService,
  Enrollment,
  EnrollmentError,
  WithdrawEnrollmentService,
} from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { FillFreeSeatsJob } from '../src/enrollments/fill-free-seats.job';
import {
  buildCourse,
  enrollmentModule,
  facility,
  insertLearners,
  outboxEvents,
  platformAdmin,
} from './enrollment-testing';

const clock = new ManualClock('2026-12-01T08:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let admin: Principal;
let facilityId: string;
let enroll: EnrollLearnerService;
let withdrawals: WithdrawEnrollmentService;

beforeAll(async () => {
  moduleRef = await enrollmentModule(clock, { DATABASE_POOL_SIZE: '20' });
  dataSource = moduleRef.get(DataSource);
  admin = await platformAdmin(dataSource);
  facilityId = await facility(moduleRef, admin);
  enroll = moduleRef.get(EnrollLearnerService);
  withdrawals = moduleRef.get(WithdrawEnrollmentService);
});

afterAll(async () => {
  await moduleRef.close();
});

const seatsTaken = async (courseId: string): Promise<number> =>
  (await dataSource.getRepository(Course).findOneByOrFail({ id: courseId })).activeEnrollments;

const statusesOf = async (courseId: string): Promise<Record<string, number>> => {
  const rows = await dataSource.query<{ status: string; n: string }[]>(
    'SELECT `status`, COUNT(*) AS n FROM `enrollments` WHERE `course_id` = ? GROUP BY `status`',
    [courseId],
  );
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
};

const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

describe('enrolling under a burst', () => {
  it('seats exactly 50 of 200 concurrent learners and waitlists the other 150, losing none', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, { capacity: 50 });
    const learners = await insertLearners(dataSource, 200);
    const outcomes = await Promise.all(learners.map((userId) => enroll.enroll(userId, courseId)));
    expect(outcomes.every((outcome) => outcome.created)).toBe(true);
    expect(await statusesOf(courseId)).toEqual({ active: 50, waitlisted: 150 });
    expect(await seatsTaken(courseId)).toBe(50);
    const enrolled = await dataSource.getRepository(Enrollment).findBy({ courseId });
    expect(new Set(enrolled.map((row) => row.userId))).toEqual(new Set(learners));
    const confirmed = await outboxEvents(dataSource, 'enrollment.confirmed');
    expect(confirmed.filter((event) => event.courseId === courseId)).toHaveLength(50);
  });

  it('answers concurrent double clicks with one enrollment', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, { capacity: 5 });
    const [userId] = await insertLearners(dataSource, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => enroll.enroll(userId!, courseId)),
    );
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.enrollment.id)).size).toBe(1);
    expect(await seatsTaken(courseId)).toBe(1);
  });
});

describe('what may be enrolled in', () => {
  it('refuses a course that is not published (422) and one that does not exist (404)', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, { publish: false });
    const [userId] = await insertLearners(dataSource, 1);
    expect(await refusal(enroll.enroll(userId!, courseId))).toMatchObject({
      code: 'COURSE_NOT_PUBLISHED',
      kind: 'rule',
    });
    expect(
      await refusal(enroll.enroll(userId!, '0190a1b2-0000-7000-8000-000000000000')),
    ).toMatchObject({
      code: 'COURSE_NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('enrolls only inside the window, and still answers an existing learner after it closes', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, {
      enrollmentOpensAt: new Date('2026-12-10T00:00:00.000Z'),
      enrollmentClosesAt: new Date('2026-12-20T00:00:00.000Z'),
    });
    const [early, onTime] = await insertLearners(dataSource, 2);
    clock.set('2026-12-09T23:59:59.000Z');
    const tooEarly = await refusal(enroll.enroll(early!, courseId));
    expect(tooEarly).toBeInstanceOf(EnrollmentError);
    expect(tooEarly).toMatchObject({ code: 'ENROLLMENT_CLOSED', kind: 'rule' });
    clock.set('2026-12-10T00:00:00.000Z');
    const joined = await enroll.enroll(onTime!, courseId);
    expect(joined).toMatchObject({ created: true, enrollment: { status: 'active' } });
    clock.set('2026-12-20T00:00:00.000Z');
    expect(await refusal(enroll.enroll(early!, courseId))).toMatchObject({
      code: 'ENROLLMENT_CLOSED',
    });
    const again = await enroll.enroll(onTime!, courseId);
    expect(again).toMatchObject({ created: false, enrollment: { id: joined.enrollment.id } });
    clock.set('2026-12-01T08:00:00.000Z');
  });
});

describe('withdrawing', () => {
  it('gives the freed seat to the oldest waitlisted learner in the same transaction', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, { capacity: 2 });
    const [a, b, c, d] = await insertLearners(dataSource, 4);
    const enrolled: Enrollment[] = [];
    for (const userId of [a, b, c, d]) {
      clock.advance(60_000);
      enrolled.push((await enroll.enroll(userId!, courseId)).enrollment);
    }
    expect(enrolled.map((e) => e.status)).toEqual(['active', 'active', 'waitlisted', 'waitlisted']);

    const withdrawn = await withdrawals.withdraw(a!, enrolled[0]!.id);
    expect(withdrawn.status).toBe('withdrawn');
    const byUser = async (userId: string) =>
      dataSource.getRepository(Enrollment).findOneByOrFail({ courseId, userId });
    expect((await byUser(c!)).status).toBe('active');
    expect((await byUser(d!)).status).toBe('waitlisted');
    expect(await seatsTaken(courseId)).toBe(2);
    const promoted = await outboxEvents(dataSource, 'enrollment.promoted');
    expect(promoted).toContainEqual({
      enrollmentId: enrolled[2]!.id,
      courseId,
      userId: c,
      courseTitle: expect.any(String) as unknown,
    });

    // Leaving the waitlist frees no seat; withdrawing twice answers the same.
    await withdrawals.withdraw(d!, enrolled[3]!.id);
    expect(await seatsTaken(courseId)).toBe(2);
    expect((await withdrawals.withdraw(d!, enrolled[3]!.id)).status).toBe('withdrawn');
  });

  it("answers 404 for someone else's enrollment", async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId);
    const [owner, other] = await insertLearners(dataSource, 2);
    const { enrollment } = await enroll.enroll(owner!, courseId);
    expect(await refusal(withdrawals.withdraw(other!, enrollment.id))).toMatchObject({
      code: 'ENROLLMENT_NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('lets a withdrawn learner enroll again, behind those already waiting', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, { capacity: 1 });
    const [first, waiting] = await insertLearners(dataSource, 2);
    const { enrollment } = await enroll.enroll(first!, courseId);
    await enroll.enroll(waiting!, courseId);
    await withdrawals.withdraw(first!, enrollment.id);
    const back = await enroll.enroll(first!, courseId);
    expect(back).toMatchObject({
      created: true,
      enrollment: { id: enrollment.id, status: 'waitlisted' },
    });
  });
});

describe('a capacity raised after learners began to wait', () => {
  it('seats the oldest waitlisted learners when asked to fill the free seats', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, { capacity: 1 });
    const learners = await insertLearners(dataSource, 4);
    for (const userId of learners) {
      clock.advance(1_000);
      await enroll.enroll(userId, courseId);
    }
    const authoring = moduleRef.get(CourseAuthoring);
    await authoring.update(admin, courseId, { title: 'Chỉ đổi tên' });
    await authoring.update(admin, courseId, { capacity: 1 });
    const raised = async () =>
      (await outboxEvents(dataSource, 'course.capacity-raised')).filter(
        (event) => event.courseId === courseId,
      );
    expect(await raised()).toEqual([]);
    await authoring.update(admin, courseId, { capacity: 3 });
    // The raise is announced in its own transaction; its job seats the waiting learners.
    expect(await raised()).toEqual([{ courseId }]);
    expect(EVENT_ROUTES['course.capacity-raised'].map((route) => route.job)).toEqual([
      'enrollment.fill-free-seats',
    ]);
    expect(await new FillFreeSeatsJob(withdrawals).run({ courseId })).toEqual({ promoted: 2 });
    expect(
      (await outboxEvents(dataSource, 'enrollment.promoted')).filter(
        (event) => event.courseId === courseId,
      ),
    ).toHaveLength(2);
    const active = await dataSource
      .getRepository(Enrollment)
      .find({ where: { courseId, status: 'active' }, order: { enrolledAt: 'ASC' } });
    expect(active.map((row) => row.userId)).toEqual(learners.slice(0, 3));
    expect(await seatsTaken(courseId)).toBe(3);
    expect(await withdrawals.fillFreeSeats(courseId)).toBe(0);
  });
});

describe('mandated enrollment', () => {
  it('seats a person whatever the capacity and window, promoting a waitlisted one', async () => {
    const { courseId } = await buildCourse(moduleRef, admin, facilityId, {
      capacity: 1,
      enrollmentClosesAt: new Date('2026-12-31T00:00:00.000Z'),
    });
    const [seated, waiting, assigned] = await insertLearners(dataSource, 3);
    await enroll.enroll(seated!, courseId);
    const waitlisted = await enroll.enroll(waiting!, courseId);
    expect(waitlisted.enrollment.status).toBe('waitlisted');
    clock.set('2027-01-15T00:00:00.000Z');
    const promoted = await enroll.enrollMandated(waiting!, courseId);
    expect(promoted).toMatchObject({ created: false, enrollment: { status: 'active' } });
    const fresh = await enroll.enrollMandated(assigned!, courseId);
    expect(fresh).toMatchObject({
      created: true,
      enrollment: { status: 'active', source: 'mandated' },
    });
    expect(await seatsTaken(courseId)).toBe(3);
    expect((await enroll.enrollMandated(assigned!, courseId)).created).toBe(false);
    clock.set('2026-12-01T08:00:00.000Z');
  });
});
