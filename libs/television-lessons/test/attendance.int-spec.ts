import { JobQueue, newId } from '@lifelong/common';
import { Video } from '@lifelong/distance-lessons';
import { SubmitQuizAttemptService } from '@lifelong/enrollment';
import {
  Broadcast,
  BroadcastReminders,
  LessonCompletion,
  REMINDER_CHUNK,
} from '@lifelong/television-lessons';
import { AccessTokenService } from '@lifelong/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { insertLearners, outboxEvents } from '../../../test/support/course-fixtures';
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
let dataSource: DataSource;
let world: TelevisionWorld;
let channelId: string;
let day = 0;

/** A fresh 45-minute airing of `lessonId`, each on its own day, as staff see it. */
async function airing(lessonId = world.tv1): Promise<CreatedAiring> {
  day += 1;
  return createAiring(http, await fresh(world.instructor), { channelId, lessonId, day });
}

const attend = async (broadcastId: string, learner: Person, code: string) =>
  http.post(`/api/v1/broadcasts/${broadcastId}/attendance`, {
    token: await fresh(learner),
    body: { code },
  });

/** A token valid at the clock's current time (tests move the clock by days). */
const fresh = (someone: Person): Promise<string> =>
  app.get(AccessTokenService).issue(someone.userId);

const minutes = (date: Date, n: number): Date => new Date(date.getTime() + n * 60_000);

beforeAll(async () => {
  ({ app, http } = await televisionApp(clock, { TV_CODE_MAX_WRONG: '5' }));
  dataSource = app.get(DataSource);
  world = await televisionWorld(app);
  const channel = await http.post('/api/v1/channels', {
    token: await fresh(world.admin),
    body: { code: 'HTV-LC', name: 'Truyền hình Lào Cai', facilityId: world.facilityId },
  });
  channelId = channel.body.id as string;
});

afterAll(async () => {
  await app.close();
});

describe('attendance by code', () => {
  it('records an enrolled learner once during the airing and its grace period, completing the lesson', async () => {
    const tv = await airing();
    const learner = await enrolledLearner(app, world.courseId);
    clock.set(minutes(tv.startsAt, -1));
    expect((await attend(tv.id, learner, tv.code)).body).toMatchObject({
      code: 'ATTENDANCE_CLOSED',
      details: { reason: 'not_started' },
    });
    clock.set(minutes(tv.endsAt, 29));
    const recorded = await attend(tv.id, learner, tv.code.toLowerCase());
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      broadcastId: tv.id,
      userId: learner.userId,
      method: 'code',
      lessonCompleted: true,
      courseCompleted: false,
      awaitingCheckQuiz: false,
    });
    const again = await attend(tv.id, learner, tv.code);
    expect([again.status, again.body.recordedAt]).toEqual([201, recorded.body.recordedAt]);
    const rows = await dataSource.query<{ n: number }[]>(
      'SELECT COUNT(*) AS n FROM broadcast_attendances WHERE user_id = ?',
      [learner.userId],
    );
    expect(Number(rows[0]!.n)).toBe(1);
    const detail = await http.get(`/api/v1/enrollments/${learner.enrollmentId}`, {
      token: await fresh(learner),
    });
    const lessons = detail.body.lessons as Json[];
    expect(lessons.find((lesson) => lesson.lessonId === world.tv1)).toMatchObject({
      status: 'completed',
    });
  });

  it('refuses the closed, the cancelled, the unenrolled and codes of other airings', async () => {
    const tv = await airing();
    const other = await airing();
    const learner = await enrolledLearner(app, world.courseId);
    const outsider = await person(app, 'chua-ghi-danh');
    clock.set(minutes(tv.startsAt, 10));
    expect((await attend(tv.id, outsider, tv.code)).body.code).toBe('NOT_ENROLLED');
    const wrong = await attend(tv.id, learner, other.code);
    expect([wrong.status, wrong.body.code]).toEqual([422, 'ATTENDANCE_CODE_INVALID']);
    clock.set(minutes(tv.endsAt, 31));
    const late = await attend(tv.id, learner, tv.code);
    expect([late.status, late.body.code, (late.body.details as Json).reason]).toEqual([
      422,
      'ATTENDANCE_CLOSED',
      'closed',
    ]);
    clock.set(minutes(other.startsAt, -120));
    expect(
      (
        await http.delete(`/api/v1/broadcasts/${other.id}`, {
          token: await fresh(world.instructor),
        })
      ).status,
    ).toBe(204);
    clock.set(minutes(other.startsAt, 5));
    expect((await attend(other.id, learner, other.code)).body).toMatchObject({
      code: 'ATTENDANCE_CLOSED',
      details: { reason: 'cancelled' },
    });
    const learnerView = await http.get(`/api/v1/broadcasts/${tv.id}`, {
      token: await fresh(learner),
    });
    expect(learnerView.body).not.toHaveProperty('attendanceCode');
  });

  it('answers 429 after five wrong codes in the window, even for the right one', async () => {
    const tv = await airing();
    const learner = await enrolledLearner(app, world.courseId, 'doan-ma');
    clock.set(minutes(tv.startsAt, 1));
    const wrongCode = tv.code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
    for (let i = 0; i < 5; i += 1)
      expect((await attend(tv.id, learner, wrongCode)).status).toBe(422);
    const blocked = await attend(tv.id, learner, tv.code);
    expect([blocked.status, blocked.body.code]).toEqual([429, 'ATTENDANCE_RATE_LIMITED']);
    expect((blocked.body.details as Json).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('group attendance', () => {
  it('records enrolled learners of the centre and skips everyone else with a reason', async () => {
    const tv = await airing(world.tv2);
    const [a, b] = [
      await enrolledLearner(app, world.courseId),
      await enrolledLearner(app, world.courseId),
    ];
    const notEnrolled = await person(app, 'khach');
    const elsewhere = await person(app, 'nhan-vien-noi-khac', {
      role: 'instructor',
      scopeType: 'facility',
      scopeId: world.otherFacilityId,
    });
    const facilitator = await person(app, 'dieu-phoi', {
      role: 'facility_admin',
      scopeType: 'facility',
      scopeId: world.facilityId,
    });
    clock.set(minutes(tv.startsAt, 20));
    expect((await attend(tv.id, b, tv.code)).status).toBe(201);
    const stranger = await http.post(`/api/v1/broadcasts/${tv.id}/group-attendance`, {
      token: await fresh(world.stranger),
      body: { facilityId: world.facilityId, userIds: [a.userId] },
    });
    expect(stranger.status).toBe(403);
    const unknown = newId();
    const group = await http.post(`/api/v1/broadcasts/${tv.id}/group-attendance`, {
      token: await fresh(facilitator),
      body: {
        facilityId: world.facilityId,
        userIds: [a.userId, b.userId, notEnrolled.userId, elsewhere.userId, unknown, a.userId],
      },
    });
    expect(group.status).toBe(201);
    expect(group.body).toEqual({
      recorded: [a.userId],
      skipped: [
        { userId: b.userId, reason: 'already_recorded' },
        { userId: notEnrolled.userId, reason: 'not_enrolled' },
        { userId: elsewhere.userId, reason: 'other_facility' },
        { userId: unknown, reason: 'unknown_user' },
      ],
    });
    const bad = await http.post(`/api/v1/broadcasts/${tv.id}/group-attendance`, {
      token: await fresh(facilitator),
      body: { facilityId: world.facilityId, userIds: ['nope'] },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('completing the course by broadcasts, a check quiz and a replay', () => {
  it('waits for the check quiz, completes with the replay, and completes the course', async () => {
    const check = await http.request('PUT', `/api/v1/lessons/${world.tv1}/check-quiz`, {
      token: await fresh(world.instructor),
      body: { quizLessonId: world.quiz.id },
    });
    expect(check.body).toEqual({ lessonId: world.tv1, quizLessonId: world.quiz.id });
    const notQuiz = await http.request('PUT', `/api/v1/lessons/${world.tv1}/check-quiz`, {
      token: await fresh(world.instructor),
      body: { quizLessonId: world.reading },
    });
    expect(notQuiz.body.code).toBe('CHECK_QUIZ_INVALID');
    const tv = await airing(world.tv1);
    const learner = await enrolledLearner(app, world.courseId, 'ca-khoa');
    clock.set(minutes(tv.startsAt, 30));
    expect((await attend(tv.id, learner, tv.code)).body).toMatchObject({
      lessonCompleted: false,
      awaitingCheckQuiz: true,
    });
    const question = world.quiz.questions![0]!;
    await app
      .get(SubmitQuizAttemptService)
      .submit(learner.userId, learner.enrollmentId, world.quiz.id, [
        {
          questionId: question.id,
          choiceIds: [question.choices.find((choice) => choice.correct)!.id],
        },
      ]);
    expect(await app.get(LessonCompletion).settlePending()).toBeGreaterThanOrEqual(1);
    // The second television lesson: missed on air, watched as a replay.
    const tv2 = await airing(world.tv2);
    const early = await http.post(
      `/api/v1/enrollments/${learner.enrollmentId}/lessons/${world.tv2}/progress`,
      { token: await fresh(learner), body: { segments: [], positionSeconds: 0 } },
    );
    expect([early.status, early.body.code]).toEqual([422, 'LESSON_NOT_PLAYABLE']);
    const videoId = newId();
    await dataSource.getRepository(Video).insert({
      id: videoId,
      lessonId: world.tv2,
      uploadedBy: world.instructor.userId,
      status: 'processing',
      byteSize: '1000',
    });
    const notReady = await http.request('PUT', `/api/v1/broadcasts/${tv2.id}/replay`, {
      token: await fresh(world.instructor),
      body: { videoId },
    });
    expect([notReady.status, notReady.body.code]).toEqual([409, 'REPLAY_NOT_READY']);
    await dataSource.getRepository(Video).update(videoId, { status: 'ready', durationSeconds: 60 });
    const replay = await http.request('PUT', `/api/v1/broadcasts/${tv2.id}/replay`, {
      token: await fresh(world.instructor),
      body: { videoId },
    });
    expect([replay.status, replay.body.replayVideoId]).toEqual([200, videoId]);
    clock.set(minutes(tv2.endsAt, 24 * 60));
    const playback = await http.get(`/api/v1/lessons/${world.tv2}/playback`, {
      token: await fresh(learner),
    });
    expect([playback.status, playback.body.hlsUrl]).toEqual([
      200,
      expect.stringContaining(videoId),
    ]);
    const progress = async (segments: number[][], positionSeconds: number) =>
      http.post(`/api/v1/enrollments/${learner.enrollmentId}/lessons/${world.tv2}/progress`, {
        token: await fresh(learner),
        body: { segments, positionSeconds },
      });
    expect((await progress([], 0)).status).toBe(200);
    clock.advance(60_000);
    const watched = await progress([[0, 60]], 60);
    expect(watched.body).toMatchObject({ completed: true, courseCompleted: true });
    const completed = await outboxEvents(dataSource, 'enrollment.completed');
    expect(completed.map((event) => event.userId)).toContain(learner.userId);
  });
});

describe('reminders', () => {
  it('remind enrolled learners (also those who enrolled later) once per revision, in chunks', async () => {
    clock.set('2026-12-01T01:00:00.000Z');
    const tv = await airing(world.tv2);
    const early = await enrolledLearner(app, world.courseId, 'nhac-som');
    const reminders = app.get(BroadcastReminders);
    const row = await dataSource.getRepository(Broadcast).findOneByOrFail({ id: tv.id });
    expect(row.remindAt.toISOString()).toBe(minutes(tv.startsAt, -30).toISOString());
    expect(await reminders.remind(tv.id, 0)).toBe('early');
    const queue = app.get(JobQueue).queue('default');
    const delayed = await queue.getJob(`tv-remind-${tv.id}-0`);
    expect(delayed?.data).toMatchObject({ broadcastId: tv.id, revision: 0 });
    expect(delayed?.opts.delay).toBe(tv.startsAt.getTime() - 30 * 60_000 - clock.now().getTime());
    // Moved: the old revision's reminder is stale, the new one is due 30 minutes before.
    const moved = await http.request('PATCH', `/api/v1/broadcasts/${tv.id}`, {
      token: await fresh(world.instructor),
      body: {
        startsAt: minutes(tv.startsAt, 60).toISOString(),
        endsAt: minutes(tv.endsAt, 60).toISOString(),
      },
    });
    expect(moved.body.revision).toBe(1);
    expect(await queue.getJob(`tv-remind-${tv.id}-0`)).toBeUndefined();
    expect((await queue.getJob(`tv-remind-${tv.id}-1`))?.opts.delay).toBe(
      tv.startsAt.getTime() + 30 * 60_000 - clock.now().getTime(),
    );
    const later = await enrolledLearner(app, world.courseId, 'nhac-muon');
    const bulk = await insertLearners(dataSource, REMINDER_CHUNK);
    await dataSource.query(
      'INSERT INTO enrollments (id, course_id, user_id, status, source, enrolled_at) VALUES ?',
      [bulk.map((userId) => [newId(), world.courseId, userId, 'active', 'self', new Date()])],
    );
    clock.set(minutes(tv.startsAt, 60 - 30));
    const before = (await outboxEvents(dataSource, 'broadcast.reminder')).length;
    expect(await reminders.sweep()).toEqual({ queued: 1 });
    expect(await reminders.remind(tv.id, 0)).toBe('stale');
    expect(await reminders.remind(tv.id, 1)).toBe('sent');
    expect(await reminders.remind(tv.id, 1)).toBe('stale');
    expect(await reminders.sweep()).toEqual({ queued: 0 });
    const events = (await outboxEvents(dataSource, 'broadcast.reminder')).slice(
      before,
    ) as unknown as {
      broadcastId: string;
      recipientIds: string[];
      startsAt: string;
      lessonTitle: string;
      channelName: string;
    }[];
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((event) => event.recipientIds.length <= REMINDER_CHUNK)).toBe(true);
    const recipients = events.flatMap((event) => event.recipientIds);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toEqual(
      expect.arrayContaining([early.userId, later.userId, ...bulk.slice(0, 3)]),
    );
    expect(events[0]).toMatchObject({
      broadcastId: tv.id,
      startsAt: minutes(tv.startsAt, 60).toISOString(),
      lessonTitle: 'Bài 2: Bảo quản nông sản',
      channelName: 'Truyền hình Lào Cai',
    });
  });

  it('send nothing for a cancelled slot', async () => {
    clock.set('2026-12-01T01:00:00.000Z');
    const tv = await airing(world.tv2);
    expect(
      (await http.delete(`/api/v1/broadcasts/${tv.id}`, { token: await fresh(world.instructor) }))
        .status,
    ).toBe(204);
    expect(await app.get(JobQueue).queue('default').getJob(`tv-remind-${tv.id}-0`)).toBeUndefined();
    clock.set(minutes(tv.startsAt, -20));
    const before = (await outboxEvents(dataSource, 'broadcast.reminder')).length;
    expect(await app.get(BroadcastReminders).remind(tv.id, 0)).toBe('stale');
    expect(await app.get(BroadcastReminders).remind(tv.id, 1)).toBe('stale');
    expect((await outboxEvents(dataSource, 'broadcast.reminder')).length).toBe(before);
  });
});
