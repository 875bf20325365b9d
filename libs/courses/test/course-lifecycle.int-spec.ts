import {
  answerProblems,
  CourseAuthoring,
  CourseError,
  CourseOutline,
  CoursePublishing,
  CourseSeats,
  gradeAttempt,
  LessonAuthoring,
  LessonVideos,
  ReviewPolicies,
  SectionAuthoring,
} from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coursesModule, insertUser, instructorAt, principal, seedWorld } from './courses-testing';

const QUESTIONS = [
  {
    text: 'Thủ đô của Việt Nam?',
    multiple: false,
    choices: [
      { text: 'Hà Nội', correct: true },
      { text: 'Huế', correct: false },
    ],
  },
  {
    text: 'Số chẵn?',
    multiple: true,
    choices: [
      { text: '2', correct: true },
      { text: '3', correct: false },
      { text: '4', correct: true },
    ],
  },
];

async function refusal(work: Promise<unknown>): Promise<CourseError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof CourseError))
    throw new Error(`Expected a CourseError, got ${String(error)}`);
  return error;
}

describe('course lifecycle through the services', () => {
  let moduleRef: TestingModule;
  let ids: Record<string, string>;
  let admin: Principal;
  let teacher: Principal;
  let stranger: Principal;
  let authoring: CourseAuthoring;
  let sections: SectionAuthoring;
  let lessons: LessonAuthoring;
  let publishing: CoursePublishing;

  beforeAll(async () => {
    moduleRef = await coursesModule();
    ({ ids, admin } = await seedWorld(moduleRef));
    const dataSource = moduleRef.get(DataSource);
    teacher = principal(await insertUser(dataSource, 'gv@bd.vn'), instructorAt(ids.BD!));
    stranger = principal(await insertUser(dataSource, 'gv@sp.vn'), instructorAt(ids.SP!));
    authoring = moduleRef.get(CourseAuthoring);
    sections = moduleRef.get(SectionAuthoring);
    lessons = moduleRef.get(LessonAuthoring);
    publishing = moduleRef.get(CoursePublishing);
  });

  afterAll(() => moduleRef.close());

  const draft = (by = teacher, capacity?: number) =>
    authoring.create(by, { facilityId: ids.BD!, title: 'Kỹ năng số', summary: 'Cơ bản', capacity });

  it('refuses to publish with every reason, then publishes once the video is ready', async () => {
    const course = await draft();
    expect((await refusal(publishing.publish(teacher, course.id))).details).toEqual({
      reasons: [{ code: 'NO_LESSONS', message: 'The course has no lessons' }],
    });
    const section = await sections.addSection(teacher, course.id, 'Phần 1');
    const video = await lessons.addLesson(teacher, section.id, { title: 'Video', kind: 'video' });
    const quiz = await lessons.addLesson(teacher, section.id, { title: 'Kiểm tra', kind: 'quiz' });
    const reading = await lessons.addLesson(teacher, section.id, { title: 'Đọc', kind: 'reading' });
    const error = await refusal(publishing.publish(teacher, course.id));
    expect(error.code).toBe('COURSE_NOT_READY');
    expect(
      (error.details?.reasons as { code: string; lessonId: string }[]).map((r) => [
        r.code,
        r.lessonId,
      ]),
    ).toEqual([
      ['VIDEO_NOT_READY', video.id],
      ['QUIZ_WITHOUT_QUESTIONS', quiz.id],
      ['READING_WITHOUT_BODY', reading.id],
    ]);

    await lessons.updateLesson(teacher, quiz.id, { questions: QUESTIONS });
    await lessons.updateLesson(teacher, reading.id, { body: '<p>Bài đọc</p>' });
    const videos = moduleRef.get(LessonVideos);
    await videos.attachLessonVideo(video.id, {
      videoId: 'v-1',
      ready: false,
      durationSeconds: null,
    });
    expect((await refusal(publishing.publish(teacher, course.id))).details?.reasons).toHaveLength(
      1,
    );
    const attached = await videos.attachLessonVideo(video.id, {
      videoId: 'v-1',
      ready: true,
      durationSeconds: 600,
    });
    expect(attached).toMatchObject({ videoId: 'v-1', videoReady: true, durationSeconds: 600 });
    const published = await publishing.publish(teacher, course.id);
    expect(published.status).toBe('published');
    expect(published.publishedAt).toBeInstanceOf(Date);
  });

  it('takes a video only on watched lessons', async () => {
    const course = await draft();
    const section = await sections.addSection(teacher, course.id, 'Phần 1');
    const reading = await lessons.addLesson(teacher, section.id, { title: 'Đọc', kind: 'reading' });
    const error = await refusal(
      moduleRef
        .get(LessonVideos)
        .attachLessonVideo(reading.id, { videoId: 'v', ready: true, durationSeconds: 1 }),
    );
    expect(error.code).toBe('LESSON_NOT_VIDEO');
  });

  it('holds a course for review where the facility asks, until a facility admin approves', async () => {
    const policies = moduleRef.get(ReviewPolicies);
    expect((await refusal(policies.set(teacher, ids.BD!, true))).code).toBe('FORBIDDEN');
    const dataSource = moduleRef.get(DataSource);
    const head = principal(await insertUser(dataSource, 'head@bd.vn'), {
      role: 'facility_admin',
      scopeType: 'facility',
      scopeId: ids.BD!,
    });
    await policies.set(head, ids.BD!, true);
    try {
      const course = await ready(await draft());
      expect((await publishing.publish(teacher, course)).status).toBe('in_review');
      expect((await refusal(publishing.approve(teacher, course))).code).toBe('FORBIDDEN');
      // An edit while in review sends it back to draft: reviewers approve what they saw.
      expect((await authoring.update(teacher, course, { summary: 'Đổi' })).status).toBe('draft');
      expect((await refusal(publishing.approve(head, course))).code).toBe('COURSE_NOT_IN_REVIEW');
      await publishing.publish(teacher, course);
      expect((await publishing.approve(head, course)).status).toBe('published');
      // A facility admin's own publish is its approval.
      expect((await publishing.publish(head, await ready(await draft()))).status).toBe('published');
    } finally {
      await policies.set(admin, ids.BD!, false);
    }
  });

  async function ready(course: { id: string }): Promise<string> {
    const section = await sections.addSection(teacher, course.id, 'Phần 1');
    await lessons.addLesson(teacher, section.id, {
      title: 'Đọc',
      kind: 'reading',
      body: '<p>x</p>',
    });
    return course.id;
  }

  it('freezes what completes a published course and refuses every change once archived', async () => {
    const courseId = await ready(await draft());
    const [section] = await moduleRef
      .get(DataSource)
      .query<{ id: string }[]>('SELECT `id` FROM `course_sections` WHERE `course_id` = ?', [
        courseId,
      ]);
    await publishing.publish(teacher, courseId);
    const quizIn = (required: boolean) =>
      lessons.addLesson(teacher, section!.id, {
        title: 'Thêm',
        kind: 'quiz',
        required,
        questions: QUESTIONS,
      });
    expect((await refusal(quizIn(true))).code).toBe('COURSE_LOCKED');
    const optional = await quizIn(false);
    expect(
      (await refusal(lessons.updateLesson(teacher, optional.id, { required: true }))).code,
    ).toBe('COURSE_LOCKED');
    expect((await lessons.updateLesson(teacher, optional.id, { passMark: 50 })).passMark).toBe(50);
    expect((await authoring.update(teacher, courseId, { title: 'Kỹ năng số 2026' })).title).toBe(
      'Kỹ năng số 2026',
    );
    await publishing.archive(teacher, courseId);
    expect((await refusal(authoring.update(teacher, courseId, { title: 'x' }))).code).toBe(
      'COURSE_ARCHIVED',
    );
    expect((await refusal(publishing.publish(teacher, courseId))).code).toBe('COURSE_ARCHIVED');
  });

  it('keeps other facilities’ instructors out: 404 for a draft, 403 for a published course', async () => {
    const course = await draft();
    expect((await refusal(authoring.update(stranger, course.id, { title: 'x' }))).code).toBe(
      'COURSE_NOT_FOUND',
    );
    expect((await refusal(sections.addSection(stranger, course.id, 'x'))).code).toBe(
      'COURSE_NOT_FOUND',
    );
    const publishedId = await ready(await draft());
    await publishing.publish(teacher, publishedId);
    expect((await refusal(authoring.update(stranger, publishedId, { title: 'x' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await refusal(authoring.create(stranger, { facilityId: ids.BD!, title: 'x', summary: 'y' })))
        .code,
    ).toBe('FORBIDDEN');
  });

  it('gives 200 concurrent enrollments exactly the 50 seats there are', async () => {
    const courseId = await ready(await draft(teacher, 50));
    await publishing.publish(teacher, courseId);
    const seats = moduleRef.get(CourseSeats);
    const dataSource = moduleRef.get(DataSource);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        dataSource.transaction(async (manager) => {
          const course = await seats.lockForEnrollment(manager, courseId);
          if (!course || course.status !== 'published') return 'refused';
          if (course.capacity !== null && course.activeEnrollments >= course.capacity)
            return 'waitlisted';
          await seats.adjustActive(manager, courseId, +1);
          return 'active';
        }),
      ),
    );
    expect(outcomes.filter((o) => o === 'active')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(150);
    const [row] = await dataSource.query<{ n: number }[]>(
      'SELECT `active_enrollments` AS n FROM `courses` WHERE `id` = ?',
      [courseId],
    );
    expect(Number(row!.n)).toBe(50);
    expect((await refusal(authoring.update(teacher, courseId, { capacity: 49 }))).code).toBe(
      'CAPACITY_BELOW_ENROLLED',
    );
    await dataSource.transaction((manager) => seats.adjustActive(manager, courseId, -1));
    await expect(
      dataSource.transaction((manager) => seats.adjustActive(manager, courseId, -50)),
    ).rejects.toThrow();
  }, 30_000);

  it('tells enrollment a course’s lessons, where a lesson sits, and how to grade a quiz', async () => {
    const course = await draft();
    const first = await sections.addSection(teacher, course.id, 'Một');
    const second = await sections.addSection(teacher, course.id, 'Hai');
    const quiz = await lessons.addLesson(teacher, second.id, {
      title: 'Kiểm tra',
      kind: 'quiz',
      questions: QUESTIONS,
      passMark: 50,
      attemptLimit: 2,
    });
    const video = await lessons.addLesson(teacher, first.id, {
      title: 'Video',
      kind: 'video',
      completionThreshold: 80,
    });
    await lessons.addLesson(teacher, first.id, { title: 'Thêm', kind: 'reading', required: false });
    const outline = moduleRef.get(CourseOutline);
    expect((await outline.lessons(course.id)).map((l) => l.title)).toEqual([
      'Video',
      'Thêm',
      'Kiểm tra',
    ]);
    expect(
      (await outline.requiredLessons(course.id)).map((l) => [l.kind, l.completionThreshold]),
    ).toEqual([
      ['video', 80],
      ['quiz', null],
    ]);
    expect(await outline.lesson(video.id)).toMatchObject({
      courseId: course.id,
      sectionId: first.id,
      kind: 'video',
    });
    expect(await outline.lesson('nope')).toBeNull();
    expect(await outline.isPublished(course.id)).toBe(false);
    expect(await outline.course(course.id)).toMatchObject({
      courseId: course.id,
      status: 'draft',
      facilityId: ids.BD,
    });
    expect(await outline.quizKey(video.id)).toBeNull();

    const key = (await outline.quizKey(quiz.id))!;
    expect(key).toMatchObject({ passMark: 50, attemptLimit: 2 });
    const [single, multi] = quiz.questions!;
    const right = (q: typeof single) => q!.choices.filter((c) => c.correct).map((c) => c.id);
    // Two choices of another question, and two picks for a single-choice question.
    expect(answerProblems(key, [{ questionId: single!.id, choiceIds: right(multi) }])).toHaveLength(
      3,
    );
    expect(
      gradeAttempt(key, [
        { questionId: single!.id, choiceIds: right(single) },
        { questionId: multi!.id, choiceIds: right(multi).slice(0, 1) },
      ]),
    ).toEqual({ score: 50, passed: true, correctQuestionIds: [single!.id] });
  });
});
