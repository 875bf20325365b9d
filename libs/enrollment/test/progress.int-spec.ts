import { ManualClock } from '@lifelong/common';
import { CourseOutline, type QuizAnswer } from '@lifelong/courses';
import {
  CompleteLessonService,
  EnrollLearnerService,
  Enrollment,
  LessonProgress,
  RecordProgressService,
  SubmitQuizAttemptService,
  WatchedIntervals,
  WithdrawEnrollmentService,
} from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  buildCourse,
  enrollmentModule,
  facility,
  insertLearners,
  type LessonSpec,
  outboxEvents,
  platformAdmin,
} from './enrollment-testing';

const clock = new ManualClock('2026-12-01T08:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let admin: Principal;
let facilityId: string;
let progress: RecordProgressService;
let completions: CompleteLessonService;
let quizzes: SubmitQuizAttemptService;

const QUIZ: LessonSpec = {
  title: 'Kiểm tra',
  kind: 'quiz',
  passMark: 100,
  attemptLimit: 2,
  questions: [
    {
      text: 'Học tập suốt đời là gì?',
      multiple: false,
      choices: [
        { text: 'Học mọi lúc, mọi nơi', correct: true },
        { text: 'Chỉ học ở trường', correct: false },
      ],
    },
  ],
};
const READING: LessonSpec = { title: 'Tài liệu', kind: 'reading', body: '<p>Đọc kỹ.</p>' };
const VIDEO: LessonSpec = { title: 'Bài giảng', kind: 'video', durationSeconds: 60 };

beforeAll(async () => {
  moduleRef = await enrollmentModule(clock);
  dataSource = moduleRef.get(DataSource);
  admin = await platformAdmin(dataSource);
  facilityId = await facility(moduleRef, admin);
  progress = moduleRef.get(RecordProgressService);
  completions = moduleRef.get(CompleteLessonService);
  quizzes = moduleRef.get(SubmitQuizAttemptService);
});

afterAll(async () => {
  await moduleRef.close();
});

async function enrolledIn(lessons: LessonSpec[], capacity: number | null = null) {
  const course = await buildCourse(moduleRef, admin, facilityId, { lessons, capacity });
  const [userId] = await insertLearners(dataSource, 1);
  const { enrollment } = await moduleRef.get(EnrollLearnerService).enroll(userId!, course.courseId);
  return { ...course, userId: userId!, enrollmentId: enrollment.id };
}

/** Answers to a quiz: every question right, or every question wrong. */
async function answers(lessonId: string, right: boolean): Promise<QuizAnswer[]> {
  const key = await moduleRef.get(CourseOutline).quizKey(lessonId);
  return key!.questions.map((question) => ({
    questionId: question.id,
    choiceIds: right
      ? question.correctChoiceIds
      : question.choiceIds.filter((id) => !question.correctChoiceIds.includes(id)).slice(0, 1),
  }));
}

const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

const enrollmentRow = (id: string) => dataSource.getRepository(Enrollment).findOneByOrFail({ id });

describe('completing a course', () => {
  it('completes with its last required lesson, in the same transaction as the outbox event', async () => {
    const { enrollmentId, userId, lessonIds } = await enrolledIn([VIDEO, READING, QUIZ]);
    const [video, reading, quiz] = lessonIds as [string, string, string];
    await progress.report(userId, enrollmentId, video, { segments: [], positionSeconds: 0 });
    let last = { completed: false, courseCompleted: false, watchedSeconds: 0 };
    for (let second = 10; second <= 60; second += 10) {
      clock.advance(10_000);
      last = await progress.report(userId, enrollmentId, video, {
        segments: [[second - 10, second]],
        positionSeconds: second,
      });
    }
    expect(last).toMatchObject({ watchedSeconds: 60, completed: true, courseCompleted: false });
    expect((await enrollmentRow(enrollmentId)).progressPercent).toBe(33);

    await completions.markReadingDone(userId, enrollmentId, reading);
    expect((await enrollmentRow(enrollmentId)).progressPercent).toBe(66);
    const failed = await quizzes.submit(userId, enrollmentId, quiz, await answers(quiz, false));
    expect(failed).toMatchObject({ score: 0, passed: false, courseCompleted: false });
    clock.advance(1_000);
    const passed = await quizzes.submit(userId, enrollmentId, quiz, await answers(quiz, true));
    expect(passed).toMatchObject({ score: 100, passed: true, courseCompleted: true });

    const enrollment = await enrollmentRow(enrollmentId);
    expect(enrollment).toMatchObject({ status: 'completed', progressPercent: 100 });
    expect(enrollment.completedAt).toEqual(clock.now());
    const events = await outboxEvents(dataSource, 'enrollment.completed');
    expect(events.filter((event) => event.enrollmentId === enrollmentId)).toEqual([
      {
        enrollmentId,
        courseId: enrollment.courseId,
        userId,
        courseTitle: expect.any(String) as unknown,
      },
    ]);
  });

  it('completes once when the last two lessons complete at the same moment', async () => {
    const { enrollmentId, userId, lessonIds } = await enrolledIn([READING, READING, QUIZ]);
    const [first, second, quiz] = lessonIds as [string, string, string];
    await completions.markReadingDone(userId, enrollmentId, first);
    const right = await answers(quiz, true);
    const outcomes = await Promise.all([
      completions.markReadingDone(userId, enrollmentId, second),
      quizzes.submit(userId, enrollmentId, quiz, right),
    ]);
    // Whichever commits second completes the course; the other sees it completed or not yet.
    expect(outcomes.some((outcome) => outcome.courseCompleted)).toBe(true);
    expect((await enrollmentRow(enrollmentId)).status).toBe('completed');
    const events = await outboxEvents(dataSource, 'enrollment.completed');
    expect(events.filter((event) => event.enrollmentId === enrollmentId)).toHaveLength(1);
  });

  it('keeps nothing of a completion whose outbox event cannot be written', async () => {
    const { enrollmentId, userId, lessonIds } = await enrolledIn([READING]);
    await dataSource.query('RENAME TABLE `outbox_events` TO `outbox_events_away`');
    try {
      await expect(
        completions.markReadingDone(userId, enrollmentId, lessonIds[0]!),
      ).rejects.toThrow();
    } finally {
      await dataSource.query('RENAME TABLE `outbox_events_away` TO `outbox_events`');
    }
    expect(await enrollmentRow(enrollmentId)).toMatchObject({
      status: 'active',
      completedAt: null,
    });
    const row = await dataSource
      .getRepository(LessonProgress)
      .findOneBy({ enrollmentId, lessonId: lessonIds[0]! });
    expect(row?.completedAt ?? null).toBeNull();
  });

  it('lets another domain complete a television lesson, and keeps the completion as a record', async () => {
    const television: LessonSpec = { title: 'Phát sóng', kind: 'television' };
    const { enrollmentId, userId, lessonIds } = await enrolledIn([television]);
    const outcome = await completions.completeLessonForLearner(userId, lessonIds[0]!);
    expect(outcome.courseCompleted).toBe(true);
    const again = await completions.completeLesson(enrollmentId, lessonIds[0]!);
    expect(again.completedAt).toEqual(outcome.completedAt);
    const withdrawal = moduleRef.get(WithdrawEnrollmentService).withdraw(userId, enrollmentId);
    expect(await refusal(withdrawal)).toMatchObject({ code: 'ENROLLMENT_COMPLETED', kind: 'rule' });
  });
});

describe('progress reports', () => {
  it('keeps every second of concurrent reports on the same lesson', async () => {
    const { enrollmentId, userId, lessonIds } = await enrolledIn([
      { ...VIDEO, durationSeconds: 3600 },
    ]);
    await progress.report(userId, enrollmentId, lessonIds[0]!, {
      segments: [],
      positionSeconds: 0,
    });
    // The clock stands still, so each report after the first may earn the slack (5 s) alone.
    clock.advance(3600_000);
    const segments = Array.from({ length: 30 }, (_, i): [number, number] => [i * 20, i * 20 + 5]);
    await Promise.all(
      segments.map((segment) =>
        progress.report(userId, enrollmentId, lessonIds[0]!, {
          segments: [segment],
          positionSeconds: segment[1],
        }),
      ),
    );
    const row = await dataSource
      .getRepository(LessonProgress)
      .findOneByOrFail({ enrollmentId, lessonId: lessonIds[0]! });
    const watched = WatchedIntervals.decode(row.intervals);
    expect(segments.filter((segment) => !watched.includes(segment))).toEqual([]);
    expect(row.watchedSeconds).toBe(150);
  });

  it('refuses lessons of another course (404), non-video lessons (422) and strangers (404)', async () => {
    const mine = await enrolledIn([VIDEO, READING]);
    const other = await buildCourse(moduleRef, admin, facilityId);
    const [stranger] = await insertLearners(dataSource, 1);
    const report = { segments: [], positionSeconds: 0 };
    expect(
      await refusal(progress.report(mine.userId, mine.enrollmentId, other.lessonIds[0]!, report)),
    ).toMatchObject({ code: 'LESSON_NOT_FOUND', kind: 'not_found' });
    expect(
      await refusal(progress.report(mine.userId, mine.enrollmentId, mine.lessonIds[1]!, report)),
    ).toMatchObject({ code: 'LESSON_KIND_MISMATCH', kind: 'rule' });
    expect(
      await refusal(progress.report(stranger!, mine.enrollmentId, mine.lessonIds[0]!, report)),
    ).toMatchObject({ code: 'ENROLLMENT_NOT_FOUND', kind: 'not_found' });
    expect(
      await refusal(
        completions.markReadingDone(mine.userId, mine.enrollmentId, mine.lessonIds[0]!),
      ),
    ).toMatchObject({ code: 'LESSON_KIND_MISMATCH' });
  });

  it('refuses learning on a waitlisted or withdrawn enrollment (422)', async () => {
    const seated = await enrolledIn([VIDEO], 1);
    const [waiting] = await insertLearners(dataSource, 1);
    const waitlisted = await moduleRef.get(EnrollLearnerService).enroll(waiting!, seated.courseId);
    const report = { segments: [], positionSeconds: 0 };
    expect(
      await refusal(
        progress.report(waiting!, waitlisted.enrollment.id, seated.lessonIds[0]!, report),
      ),
    ).toMatchObject({ code: 'ENROLLMENT_NOT_ACTIVE', kind: 'rule' });
    await moduleRef.get(WithdrawEnrollmentService).withdraw(waiting!, waitlisted.enrollment.id);
    expect(
      await refusal(
        progress.report(waiting!, waitlisted.enrollment.id, seated.lessonIds[0]!, report),
      ),
    ).toMatchObject({ code: 'ENROLLMENT_NOT_ACTIVE' });
  });
});

describe('quiz attempts', () => {
  it('refuses an attempt past the limit (422) and answers naming unknown questions (400)', async () => {
    const { enrollmentId, userId, lessonIds } = await enrolledIn([QUIZ]);
    const quiz = lessonIds[0]!;
    const unknown = await refusal(
      quizzes.submit(userId, enrollmentId, quiz, [{ questionId: 'nope', choiceIds: [] }]),
    );
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'invalid' });
    const [question] = await answers(quiz, true);
    const badChoice = await refusal(
      quizzes.submit(userId, enrollmentId, quiz, [{ ...question!, choiceIds: ['nope'] }]),
    );
    expect(badChoice).toMatchObject({ code: 'VALIDATION_FAILED' });
    const wrong = await answers(quiz, false);
    await quizzes.submit(userId, enrollmentId, quiz, wrong);
    await quizzes.submit(userId, enrollmentId, quiz, wrong);
    expect(await refusal(quizzes.submit(userId, enrollmentId, quiz, wrong))).toMatchObject({
      code: 'ATTEMPT_LIMIT_REACHED',
      kind: 'rule',
    });
  });

  it('counts concurrent attempts against the limit one at a time', async () => {
    const { enrollmentId, userId, lessonIds } = await enrolledIn([QUIZ]);
    const wrong = await answers(lessonIds[0]!, false);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        refusal(quizzes.submit(userId, enrollmentId, lessonIds[0]!, wrong)),
      ),
    );
    expect(results.filter((result) => result === 'resolved')).toHaveLength(2);
  });
});
