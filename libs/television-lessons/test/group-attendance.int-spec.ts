import { newId } from '@lifelong/common';
import { AccessTokenService, type RoleGrant } from '@lifelong/identity';
import { AdminUnitsService, FacilitiesService, type FacilityType } from '@lifelong/organizations';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { outboxEvents } from '../../../test/support/course-fixtures';
import type { HttpClient, Json } from '../../../test/support/http-client';
import {
  createAiring,
  type CreatedAiring,
  enrolledLearner,
  ManualClock,
  person,
  type Person,
  televisionApp,
  televisionWorld,
  type TelevisionWorld,
} from '../../../test/support/television';

const clock = new ManualClock('2026-12-01T01:00:00.000Z');
let app: NestFastifyApplication;
let http: HttpClient;
let world: TelevisionWorld;
let channelId: string;
let day = 0;

/** A facility of the given type, in a province of its own. */
async function facilityOf(type: FacilityType): Promise<string> {
  const suffix = newId().slice(-8);
  const unit = await app.get(AdminUnitsService).create(world.admin.principal, {
    code: `AU-${suffix}`,
    name: 'Tỉnh Yên Bái',
    level: 'province',
  });
  const created = await app.get(FacilitiesService).create(world.admin.principal, {
    code: `F-${suffix}`,
    name: `Cơ sở ${type}`,
    type,
    adminUnitId: unit.id,
  });
  return created.id;
}

const staffAt = (facilityId: string, role: RoleGrant['role'] = 'instructor'): RoleGrant => ({
  role,
  scopeType: 'facility',
  scopeId: facilityId,
});

/** A token valid at the clock's current time. */
const fresh = (someone: Person): Promise<string> =>
  app.get(AccessTokenService).issue(someone.userId);

const minutes = (date: Date, n: number): Date => new Date(date.getTime() + n * 60_000);

/** A fresh 45-minute airing of `lessonId`, each on its own day, as staff see it. */
async function airing(lessonId: string): Promise<CreatedAiring> {
  day += 1;
  return createAiring(http, await fresh(world.instructor), { channelId, lessonId, day });
}

const recordGroup = async (
  broadcastId: string,
  recorder: Person,
  facilityId: string,
  userIds: string[],
) =>
  http.post(`/api/v1/broadcasts/${broadcastId}/group-attendance`, {
    token: await fresh(recorder),
    body: { facilityId, userIds },
  });

const records = async (reader: Person, courseId = world.courseId) =>
  http.get(`/api/v1/courses/${courseId}/group-attendance`, { token: await fresh(reader) });

const voidRecord = async (reader: Person, recordId: string, reason?: string) =>
  http.post(`/api/v1/group-attendance/${recordId}/void`, {
    token: await fresh(reader),
    body: reason === undefined ? {} : { reason },
  });

/** The learner's enrollment as they see it: status and each lesson's completion. */
async function progressOf(
  learner: Person & { enrollmentId: string },
): Promise<{ status: string; completed: string[] }> {
  const detail = await http.get(`/api/v1/enrollments/${learner.enrollmentId}`, {
    token: await fresh(learner),
  });
  expect(detail.status).toBe(200);
  return {
    status: detail.body.status as string,
    completed: (detail.body.lessons as Json[])
      .filter((lesson) => lesson.completedAt !== null)
      .map((lesson) => lesson.lessonId as string),
  };
}

beforeAll(async () => {
  ({ app, http } = await televisionApp(clock));
  world = await televisionWorld(app);
  const channel = await http.post('/api/v1/channels', {
    token: await fresh(world.admin),
    body: { code: 'YBTV', name: 'Truyền hình Yên Bái', facilityId: world.facilityId },
  });
  channelId = channel.body.id as string;
});

afterAll(async () => {
  await app.close();
});

describe('who records group attendance', () => {
  it('refuses staff of a university, of another centre than the one named, and of no viewing facility', async () => {
    const tv = await airing(world.tv1);
    const learner = await enrolledLearner(app, world.courseId);
    clock.set(minutes(tv.startsAt, 10));
    const university = await facilityOf('university');
    const lecturer = await person(app, 'giang-vien-dai-hoc', staffAt(university));
    const fromUniversity = await recordGroup(tv.id, lecturer, university, [learner.userId]);
    expect([fromUniversity.status, fromUniversity.body.code]).toEqual([403, 'FORBIDDEN']);
    const languageCentre = await facilityOf('foreign_language_it_center');
    const teacher = await person(app, 'giao-vien-ngoai-ngu', staffAt(languageCentre));
    const fromLanguageCentre = await recordGroup(tv.id, teacher, languageCentre, [learner.userId]);
    expect([fromLanguageCentre.status, fromLanguageCentre.body.code]).toEqual([403, 'FORBIDDEN']);
    // An instructor of one centre names another centre (here: the course's own).
    const otherCentreStaff = await recordGroup(tv.id, world.stranger, world.facilityId, [
      learner.userId,
    ]);
    expect([otherCentreStaff.status, otherCentreStaff.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await progressOf(learner)).toEqual({ status: 'active', completed: [] });
  });

  it('takes at most 200 learners per call, naming the cap', async () => {
    const tv = await airing(world.tv1);
    clock.set(minutes(tv.startsAt, 10));
    const tooMany = Array.from({ length: 201 }, () => newId());
    const refused = await recordGroup(tv.id, world.instructor, world.facilityId, tooMany);
    expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(refused.body.details)).toContain('200');
    const atCap = await recordGroup(tv.id, world.instructor, world.facilityId, tooMany.slice(1));
    expect(atCap.status).toBe(201);
    expect((atCap.body.skipped as Json[]).length).toBe(200);
  });
});

describe('the audit, listing and voiding', () => {
  it('records at a centre with who, whom, where and when; course staff list and void it, and the course reopens', async () => {
    const centre = await facilityOf('community_learning_center');
    const facilitator = await person(app, 'dieu-phoi-xa', staffAt(centre, 'facility_admin'));
    const learner = await enrolledLearner(app, world.courseId, 'hoc-vien-xa');
    // Lesson 1 by code, lesson 2 by the group at the centre: the course completes.
    const first = await airing(world.tv1);
    clock.set(minutes(first.startsAt, 10));
    const byCode = await http.post(`/api/v1/broadcasts/${first.id}/attendance`, {
      token: await fresh(learner),
      body: { code: first.code },
    });
    expect(byCode.status).toBe(201);
    const second = await airing(world.tv2);
    const recordedAt = minutes(second.startsAt, 15);
    clock.set(recordedAt);
    const group = await recordGroup(second.id, facilitator, centre, [learner.userId]);
    expect(group.body).toEqual({ recorded: [learner.userId], skipped: [] });
    const completed = await progressOf(learner);
    expect(completed.status).toBe('completed');
    expect(completed.completed.sort()).toEqual([world.tv1, world.tv2].sort());
    // Each attendance is an event (for the learner's xAPI statements), with who recorded it where.
    const attended = (
      await outboxEvents(app.get(DataSource), 'television.attendance-recorded')
    ).filter((event) => event.userId === learner.userId);
    expect(attended).toEqual([
      expect.objectContaining({
        broadcastId: first.id,
        lessonId: world.tv1,
        courseId: world.courseId,
        method: 'code',
        facilityId: null,
        recordedBy: learner.userId,
      }),
      expect.objectContaining({
        broadcastId: second.id,
        lessonId: world.tv2,
        method: 'group',
        facilityId: centre,
        recordedBy: facilitator.userId,
        recordedAt: recordedAt.toISOString(),
      }),
    ]);

    // The centre's facilitator is not the course's staff: the list is not theirs.
    expect((await records(facilitator)).status).toBe(403);
    const listed = await records(world.instructor);
    expect(listed.status).toBe(200);
    const record = (listed.body.items as Json[]).find((item) => item.learnerId === learner.userId);
    expect(record).toEqual({
      id: record!.id,
      broadcastId: second.id,
      lessonId: world.tv2,
      learnerId: learner.userId,
      facilityId: centre,
      recordedBy: facilitator.userId,
      recordedAt: recordedAt.toISOString(),
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
    });

    expect((await voidRecord(facilitator, record!.id as string)).status).toBe(403);
    const voidedAt = minutes(recordedAt, 60);
    clock.set(voidedAt);
    const voided = await voidRecord(world.instructor, record!.id as string, 'Không có mặt');
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({
      id: record!.id,
      voidedAt: voidedAt.toISOString(),
      voidedBy: world.instructor.userId,
      voidReason: 'Không có mặt',
      lessonCompleted: false,
      courseCompleted: false,
    });
    // Lesson 2 lost its only evidence; lesson 1 (by code) stays; the course is open again.
    expect(await progressOf(learner)).toEqual({ status: 'active', completed: [world.tv1] });
    // The audit keeps the voided record; voiding again changes nothing.
    const again = await voidRecord(world.instructor, record!.id as string);
    expect(again.body).toMatchObject({ voidedAt: voidedAt.toISOString() });
    const after = await records(world.instructor);
    expect((after.body.items as Json[]).find((item) => item.id === record!.id)).toMatchObject({
      voidedBy: world.instructor.userId,
    });
    // The learner can be recorded again at a later airing.
    const third = await airing(world.tv2);
    clock.set(minutes(third.startsAt, 5));
    expect((await recordGroup(third.id, facilitator, centre, [learner.userId])).body).toEqual({
      recorded: [learner.userId],
      skipped: [],
    });
    expect((await voidRecord(world.instructor, newId())).status).toBe(404);
  });

  it('keeps the lesson complete when other evidence remains', async () => {
    const centre = await facilityOf('district_vocational_ce_center');
    const facilitator = await person(app, 'can-bo-trung-tam', staffAt(centre));
    const learner = await enrolledLearner(app, world.courseId, 'hoc-vien-ca-hai');
    const byCode = await airing(world.tv2);
    clock.set(minutes(byCode.startsAt, 10));
    await http.post(`/api/v1/broadcasts/${byCode.id}/attendance`, {
      token: await fresh(learner),
      body: { code: byCode.code },
    });
    const viewing = await airing(world.tv2);
    clock.set(minutes(viewing.startsAt, 10));
    await recordGroup(viewing.id, facilitator, centre, [learner.userId]);
    const listed = await records(world.instructor);
    const record = (listed.body.items as Json[]).find(
      (item) => item.learnerId === learner.userId && item.broadcastId === viewing.id,
    );
    const voided = await voidRecord(world.instructor, record!.id as string);
    expect(voided.body).toMatchObject({ lessonCompleted: true });
    expect((await progressOf(learner)).completed).toEqual([world.tv2]);
  });
});
