import { ManualClock } from '@lifelong/common';
import { LessonVideos } from '@lifelong/courses';
import type { components } from '../../apps/web/src/api/schema';
import { adminSession } from '../support/admin-session';
import { answered, apiClient } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import type { Json } from '../support/http-client';
import { peopleRegistry } from '../support/people';

const clock = new ManualClock('2026-12-01T08:00:00.000Z');
const VIDEO_SECONDS = 120;
const api = adminSession({ clock });
const learner = peopleRegistry(() => api.http, 'hocvien');
let courses = 0;

type LessonBody = components['schemas']['CreateLessonDto'];

interface Course {
  courseId: string;
  video: string;
  reading: string;
  quiz: string;
  /** The quiz's single question, and its right and wrong choices (from the staff view). */
  question: { id: string; right: string; wrong: string };
}

/** A published course with a video, a reading and a quiz lesson, authored over HTTP by the admin. */
async function publishedCourse(capacity?: number): Promise<Course> {
  courses += 1;
  const { asAdmin } = api;
  const unit = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/admin-units', {
        body: { code: `VN-${courses}-${Date.now()}`, name: 'Tỉnh Bắc Ninh', level: 'province' },
      }),
    ),
    201,
  );
  const facility = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/facilities', {
        body: {
          code: `HTCD-${courses}-${Date.now()}`,
          name: 'Trung tâm học tập cộng đồng Phù Lãng',
          type: 'community_learning_center',
          adminUnitId: unit.id,
        },
      }),
    ),
    201,
  );
  // Without `language`, as the contract allows (its default applies).
  const course = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses', {
        body: {
          facilityId: facility.id,
          title: 'Kỹ năng số cơ bản',
          summary: 'Dùng điện thoại an toàn',
          capacity,
        },
      }),
    ),
    201,
  );
  const courseId = course.id;
  const section = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses/{id}/sections', {
        params: { path: { id: courseId } },
        body: { title: 'Phần 1' },
      }),
    ),
    201,
  );
  const lesson = (body: LessonBody) =>
    expectStatus(
      answered(
        asAdmin.POST('/api/v1/sections/{id}/lessons', {
          params: { path: { id: section.id } },
          body,
        }),
      ),
      201,
    );
  const video = await lesson({ title: 'Video giới thiệu', kind: 'video' });
  // No upload route yet (distance-lessons): attach a ready video the way that lib will.
  await api.app.get(LessonVideos).attachLessonVideo(video.id, {
    videoId: '0190a1b2-0000-7000-8000-0000000000aa',
    ready: true,
    durationSeconds: VIDEO_SECONDS,
  });
  const reading = await lesson({
    title: 'Bài đọc',
    kind: 'reading',
    body: '<p>Mật khẩu mạnh.</p>',
  });
  const quiz = await lesson({
    title: 'Bài kiểm tra',
    kind: 'quiz',
    passMark: 100,
    attemptLimit: 3,
    questions: [
      {
        text: 'Mật khẩu nào mạnh hơn?',
        multiple: false,
        choices: [
          { text: '123456', correct: false },
          { text: 'Cá-Voi-Xanh-2026!', correct: true },
        ],
      },
    ],
  });
  await expectStatus(
    answered(asAdmin.POST('/api/v1/courses/{id}/publish', { params: { path: { id: courseId } } })),
    200,
  );
  const [question] = quiz.questions!;
  return {
    courseId,
    video: video.id,
    reading: reading.id,
    quiz: quiz.id,
    question: {
      id: question!.id,
      right: question!.choices.find((choice) => choice.correct)!.id,
      wrong: question!.choices.find((choice) => !choice.correct)!.id,
    },
  };
}

const enrollIn = (courseId: string, token: string) =>
  answered(
    apiClient(api.http.base, token).POST('/api/v1/courses/{id}/enrollments', {
      params: { path: { id: courseId } },
    }),
  );
const enrollmentOf = (id: string, token: string) =>
  answered(
    apiClient(api.http.base, token).GET('/api/v1/enrollments/{id}', { params: { path: { id } } }),
  );

describe("a learner's journey", () => {
  it('enrolls, watches, reads, fails then passes the quiz, and completes the course', async () => {
    const course = await publishedCourse();
    const me = await learner();
    const token = me.token;
    const enrollment = await expectStatus(enrollIn(course.courseId, token), 201);
    expect(enrollment).toMatchObject({
      courseId: course.courseId,
      userId: me.id,
      status: 'active',
      progressPercent: 0,
      completedAt: null,
    });
    const again = await expectStatus(enrollIn(course.courseId, token), 200);
    expect(again.id).toBe(enrollment.id);

    const lessonPath = (lessonId: string, action: string) =>
      `/api/v1/enrollments/${enrollment.id}/lessons/${lessonId}/${action}`;
    const report = (segments: number[][], positionSeconds: number) =>
      expectStatus(
        api.http.post(lessonPath(course.video, 'progress'), {
          token,
          body: { segments, positionSeconds },
        }),
        200,
      );

    // The player starts, then reports every 10 s of real time; a seek to the end earns nothing.
    expect(await report([], 0)).toMatchObject({
      watchedSeconds: 0,
      durationSeconds: VIDEO_SECONDS,
      completed: false,
    });
    clock.advance(10_000);
    expect(await report([[0, 10.2]], 10.2)).toMatchObject({ watchedSeconds: 10 });
    clock.advance(1_000);
    expect(await report([], VIDEO_SECONDS)).toMatchObject({ watchedSeconds: 10, completed: false });
    let last: Json = {};
    for (let at = 10; at < VIDEO_SECONDS; at += 10) {
      clock.advance(10_000);
      last = await report([[at, at + 10]], at + 10);
    }
    expect(last).toMatchObject({
      watchedSeconds: VIDEO_SECONDS,
      completed: true,
      courseCompleted: false,
    });

    const done = await expectStatus(
      api.http.post(lessonPath(course.reading, 'complete'), { token }),
      200,
    );
    expect(done).toMatchObject({ lessonId: course.reading, courseCompleted: false });
    const answer = (choiceId: string) => ({
      answers: [{ questionId: course.question.id, choiceIds: [choiceId] }],
    });
    expect(
      await expectStatus(
        api.http.post(lessonPath(course.quiz, 'attempts'), {
          token,
          body: answer(course.question.wrong),
        }),
        201,
      ),
    ).toEqual({ score: 0, passed: false });
    clock.advance(60_000);
    expect(
      await expectStatus(
        api.http.post(lessonPath(course.quiz, 'attempts'), {
          token,
          body: answer(course.question.right),
        }),
        201,
      ),
    ).toEqual({ score: 100, passed: true });

    const detail = await expectStatus(enrollmentOf(enrollment.id, token), 200);
    expect(detail).toMatchObject({
      status: 'completed',
      progressPercent: 100,
      completedAt: clock.now().toISOString(),
    });
    expect(detail.lessons).toEqual([
      expect.objectContaining({
        lessonId: course.video,
        status: 'completed',
        watchedSeconds: VIDEO_SECONDS,
        positionSeconds: VIDEO_SECONDS,
      }),
      expect.objectContaining({
        lessonId: course.reading,
        status: 'completed',
        watchedSeconds: 0,
        attemptsMade: 0,
        bestScore: null,
      }),
      // The player shows attempts made (against the limit) and the best score so far.
      expect.objectContaining({
        lessonId: course.quiz,
        status: 'completed',
        attemptsMade: 2,
        bestScore: 100,
      }),
    ]);
    const mine = await expectStatus(api.http.get('/api/v1/me/enrollments', { token }), 200);
    expect(mine).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 20,
      items: [
        {
          id: enrollment.id,
          status: 'completed',
          progressPercent: 100,
          courseTitle: 'Kỹ năng số cơ bản',
          courseStatus: 'published',
        },
      ],
    });

    // An archived course stays in "my learning", named, with its status: the record is kept.
    await expectStatus(
      api.http.post(`/api/v1/courses/${course.courseId}/archive`, { token: api.adminToken }),
      200,
    );
    const later = await expectStatus(api.http.get('/api/v1/me/enrollments', { token }), 200);
    expect(later).toMatchObject({
      items: [{ id: enrollment.id, courseTitle: 'Kỹ năng số cơ bản', courseStatus: 'archived' }],
    });
  });

  it('waitlists when full and promotes the oldest waitlisted learner on withdrawal', async () => {
    const course = await publishedCourse(1);
    const [first, second, third] = [await learner(), await learner(), await learner()];
    const enroll = (token: string) => expectStatus(enrollIn(course.courseId, token), 201);
    const seat = await enroll(first.token);
    clock.advance(1_000);
    const waiting = await enroll(second.token);
    clock.advance(1_000);
    await enroll(third.token);
    expect([seat.status, waiting.status]).toEqual(['active', 'waitlisted']);
    const waitlistedReport = await api.http.post(
      `/api/v1/enrollments/${waiting.id}/lessons/${course.video}/progress`,
      {
        token: second.token,
        body: { segments: [], positionSeconds: 0 },
      },
    );
    expect([waitlistedReport.status, waitlistedReport.body.code]).toEqual([
      422,
      'ENROLLMENT_NOT_ACTIVE',
    ]);

    const withdrawn = await expectStatus(
      answered(
        apiClient(api.http.base, first.token).DELETE('/api/v1/enrollments/{id}', {
          params: { path: { id: seat.id } },
        }),
      ),
      200,
    );
    expect(withdrawn.status).toBe('withdrawn');
    const promoted = await expectStatus(enrollmentOf(waiting.id, second.token), 200);
    expect(promoted.status).toBe('active');
    const courseView = await expectStatus(api.http.get(`/api/v1/courses/${course.courseId}`), 200);
    expect(courseView.activeEnrollments).toBe(1);
  });
});

describe('bad input', () => {
  let course: Course;
  let owner: { id: string; token: string };
  let enrollmentId: string;
  const progressPath = () => `/api/v1/enrollments/${enrollmentId}/lessons/${course.video}/progress`;

  beforeAll(async () => {
    course = await publishedCourse();
    owner = await learner();
    const enrolled = await expectStatus(enrollIn(course.courseId, owner.token), 201);
    enrollmentId = enrolled.id;
  });

  it.each([
    ['from > to', { segments: [[20, 10]], positionSeconds: 0 }],
    ['a negative second', { segments: [[-5, 10]], positionSeconds: 0 }],
    ['a string', { segments: [['0', '10']], positionSeconds: 0 }],
    ['NaN as text', { segments: [[0, 10]], positionSeconds: 'NaN' }],
    ['a triple', { segments: [[0, 5, 10]], positionSeconds: 0 }],
    ['no segments field', { positionSeconds: 0 }],
    [
      '10,000 segments',
      { segments: Array.from({ length: 10_000 }, (_, i) => [i, i + 1]), positionSeconds: 0 },
    ],
    ['a huge second', { segments: [[0, 1e12]], positionSeconds: 0 }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_name, body) => {
    const response = await api.http.post(progressPath(), { token: owner.token, body });
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('clips a segment past the end of the video to the video', async () => {
    clock.advance(300_000);
    const response = await api.http.post(progressPath(), {
      token: owner.token,
      body: {
        segments: [[VIDEO_SECONDS - 4, VIDEO_SECONDS + 500]],
        positionSeconds: VIDEO_SECONDS + 500,
      },
    });
    expect([response.status, response.body.watchedSeconds]).toEqual([200, 4]);
    const detail = await expectStatus(enrollmentOf(enrollmentId, owner.token), 200);
    expect(detail.lessons[0]).toMatchObject({
      positionSeconds: VIDEO_SECONDS,
      status: 'in_progress',
    });
  });

  it("answers 404 for someone else's enrollment, on every route", async () => {
    const stranger = await learner();
    const token = stranger.token;
    const responses = await Promise.all([
      api.http.get(`/api/v1/enrollments/${enrollmentId}`, { token }),
      api.http.delete(`/api/v1/enrollments/${enrollmentId}`, { token }),
      api.http.post(progressPath(), { token, body: { segments: [], positionSeconds: 0 } }),
      api.http.post(`/api/v1/enrollments/${enrollmentId}/lessons/${course.reading}/complete`, {
        token,
      }),
      api.http.post(`/api/v1/enrollments/${enrollmentId}/lessons/${course.quiz}/attempts`, {
        token,
        body: { answers: [] },
      }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404]);
  });

  it('answers 400 for a quiz answer naming an unknown question or choice', async () => {
    const path = `/api/v1/enrollments/${enrollmentId}/lessons/${course.quiz}/attempts`;
    const unknownQuestion = await api.http.post(path, {
      token: owner.token,
      body: { answers: [{ questionId: '0190a1b2-0000-7000-8000-000000000000', choiceIds: [] }] },
    });
    const unknownChoice = await api.http.post(path, {
      token: owner.token,
      body: {
        answers: [
          { questionId: course.question.id, choiceIds: ['0190a1b2-0000-7000-8000-000000000000'] },
        ],
      },
    });
    expect([unknownQuestion.status, unknownChoice.status]).toEqual([400, 400]);
  });

  it('refuses an unknown course (404), a huge page (400) and no token (401)', async () => {
    const unknown = await api.http.post(
      '/api/v1/courses/0190a1b2-0000-7000-8000-000000000000/enrollments',
      { token: owner.token },
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'COURSE_NOT_FOUND']);
    const page = await api.http.get('/api/v1/me/enrollments?pageSize=100000', {
      token: owner.token,
    });
    expect(page.status).toBe(400);
    const anonymous = await api.http.post(progressPath(), {
      body: { segments: [], positionSeconds: 0 },
    });
    expect(anonymous.status).toBe(401);
  });
});
