import { CertificatesModule, IssueCertificate } from '@lifelong/certificates';
import { JobsModule, ManualClock } from '@lifelong/common';
import { CourseOutline, CoursesModule, type QuizAnswer } from '@lifelong/courses';
import {
  CompleteLessonService,
  EnrollLearnerService,
  EnrollmentModule,
  RecordProgressService,
  SubmitQuizAttemptService,
} from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import {
  LearningRecordsWorkerModule,
  PLATFORM_VERBS,
  RecordLearningEventJob,
  Statements,
  VIDEO_EXTENSIONS,
} from '@lifelong/learning-records';
import { OrganizationsModule } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import {
  buildCourse,
  facility,
  insertLearners,
  type LessonSpec,
  platformAdmin,
} from '../../../test/support/course-fixtures';
import { servicesModule } from '../../../test/support/services-module';
import { learningRecordsRelay } from './learning-records-testing';

const PUBLIC_URL = 'https://hoc.example.vn';
const clock = new ManualClock('2026-12-01T08:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let admin: Principal;
let statements: Statements;
let relay: ReturnType<typeof learningRecordsRelay>;

const QUIZ: LessonSpec = {
  title: 'Kiểm tra',
  kind: 'quiz',
  passMark: 100,
  attemptLimit: 3,
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

interface Learning {
  userId: string;
  enrollmentId: string;
  courseId: string;
  video: string;
  reading: string;
  quiz: string;
}

beforeAll(async () => {
  moduleRef = await servicesModule(testConfig({ PUBLIC_URL }), clock, [
    OrganizationsModule,
    CoursesModule,
    EnrollmentModule,
    CertificatesModule,
    // The worker module's forwarding plan queues jobs.
    JobsModule,
    LearningRecordsWorkerModule,
  ]);
  dataSource = moduleRef.get(DataSource);
  statements = moduleRef.get(Statements);
  admin = await platformAdmin(dataSource);
  // Only this file's events: earlier runs left theirs in the test database.
  const [{ last }] = await dataSource.query<[{ last: string | null }]>(
    'SELECT MAX(`id`) AS `last` FROM `outbox_events`',
  );
  relay = learningRecordsRelay(
    dataSource,
    moduleRef.get(RecordLearningEventJob),
    Number(last ?? 0),
  );
});

afterAll(async () => {
  await moduleRef.close();
});

async function enrolled(courseId: string, lessonIds: string[]): Promise<Learning> {
  const [userId] = await insertLearners(dataSource, 1);
  const { enrollment } = await moduleRef.get(EnrollLearnerService).enroll(userId!, courseId);
  const [video, reading, quiz] = lessonIds as [string, string, string];
  return { userId: userId!, enrollmentId: enrollment.id, courseId, video, reading, quiz };
}

async function answers(lessonId: string, right: boolean): Promise<QuizAnswer[]> {
  const key = await moduleRef.get(CourseOutline).quizKey(lessonId);
  return key!.questions.map((question) => ({
    questionId: question.id,
    choiceIds: right
      ? question.correctChoiceIds
      : question.choiceIds.filter((id) => !question.correctChoiceIds.includes(id)).slice(0, 1),
  }));
}

/** Everything the learner does, through the real services: the whole course and a certificate. */
async function learnEverything(learning: Learning): Promise<void> {
  const { userId, enrollmentId } = learning;
  const progress = moduleRef.get(RecordProgressService);
  await progress.report(userId, enrollmentId, learning.video, { segments: [], positionSeconds: 0 });
  for (let second = 20; second <= 60; second += 20) {
    clock.advance(20_000);
    await progress.report(userId, enrollmentId, learning.video, {
      segments: [[second - 20, second]],
      positionSeconds: second,
    });
  }
  await moduleRef
    .get(CompleteLessonService)
    .markReadingDone(userId, enrollmentId, learning.reading);
  const quizzes = moduleRef.get(SubmitQuizAttemptService);
  clock.advance(1_000);
  await quizzes.submit(userId, enrollmentId, learning.quiz, await answers(learning.quiz, false));
  clock.advance(1_000);
  await quizzes.submit(userId, enrollmentId, learning.quiz, await answers(learning.quiz, true));
  await moduleRef.get(IssueCertificate).issue(enrollmentId);
}

/** The parts of a stored statement these tests read. */
interface Statement {
  id: string;
  actor: { objectType: string; account: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string };
  result: { extensions?: Record<string, unknown>; score?: Record<string, number> };
  context: {
    registration: string;
    contextActivities: { parent: { id: string }[] };
  };
  authority: unknown;
  timestamp: string;
}

const activity = (kind: string, id: string): string =>
  `${PUBLIC_URL}/xapi/activities/${kind}/${id}`;

/** The learner's statements of one verb on one activity. */
const about = (all: Statement[], verb: keyof typeof PLATFORM_VERBS, objectId: string) =>
  all.filter(
    (statement) => statement.verb.id === PLATFORM_VERBS[verb] && statement.object.id === objectId,
  );

describe("the platform's learning events as statements", () => {
  let learning: Learning;
  let other: Learning;
  let mine: Statement[];

  beforeAll(async () => {
    const course = await buildCourse(moduleRef, admin, await facility(moduleRef, admin), {
      lessons: [VIDEO, READING, QUIZ],
    });
    learning = await enrolled(course.courseId, course.lessonIds);
    other = await enrolled(course.courseId, course.lessonIds);
    await learnEverything(learning);
    await moduleRef
      .get(CompleteLessonService)
      .markReadingDone(other.userId, other.enrollmentId, other.reading);
    expect(await relay()).toBeGreaterThan(0);
    mine = (await statements.allOfLearner(learning.userId)) as unknown as Statement[];
  });

  it('states each event once, as the learner, with the platform as authority', () => {
    const course = activity('course', learning.courseId);
    const counts = {
      registered: about(mine, 'registered', course).length,
      progressed: about(mine, 'progressed', activity('lesson', learning.video)).length,
      videoCompleted: about(mine, 'completed', activity('lesson', learning.video)).length,
      readingCompleted: about(mine, 'completed', activity('lesson', learning.reading)).length,
      answered: about(mine, 'answered', activity('lesson', learning.quiz)).length,
      failed: about(mine, 'failed', activity('lesson', learning.quiz)).length,
      passed: about(mine, 'passed', activity('lesson', learning.quiz)).length,
      quizCompleted: about(mine, 'completed', activity('lesson', learning.quiz)).length,
      courseCompleted: about(mine, 'completed', course).length,
      earned: mine.filter((statement) => statement.verb.id === PLATFORM_VERBS.earned).length,
    };
    expect(counts).toEqual({
      registered: 1,
      progressed: 1,
      videoCompleted: 1,
      readingCompleted: 1,
      answered: 2,
      failed: 1,
      passed: 1,
      quizCompleted: 1,
      courseCompleted: 1,
      earned: 1,
    });
    expect(mine).toHaveLength(11);
    for (const statement of mine) {
      expect(statement.actor).toEqual({
        objectType: 'Agent',
        account: { homePage: PUBLIC_URL, name: learning.userId },
      });
      expect(statement.authority).toEqual({
        objectType: 'Agent',
        name: 'Lifelong',
        account: { homePage: PUBLIC_URL, name: 'platform' },
      });
      expect(statement.context.registration).toBe(learning.enrollmentId);
    }
  });

  it('gives the watched segments with the video progress, and scores with the quiz', () => {
    const [progressed] = about(mine, 'progressed', activity('lesson', learning.video));
    expect(progressed!.result.extensions).toEqual({
      [VIDEO_EXTENSIONS.playedSegments]: '0[.]60',
      [VIDEO_EXTENSIONS.progress]: 1,
      [VIDEO_EXTENSIONS.length]: 60,
    });
    expect(progressed!.context.contextActivities.parent).toEqual([
      {
        objectType: 'Activity',
        id: activity('course', learning.courseId),
        definition: { type: 'http://adlnet.gov/expapi/activities/course' },
      },
    ]);
    const [failed] = about(mine, 'failed', activity('lesson', learning.quiz));
    expect(failed!.result).toEqual({
      score: { scaled: 0, raw: 0, min: 0, max: 100 },
      success: false,
      completion: false,
    });
    const [passed] = about(mine, 'passed', activity('lesson', learning.quiz));
    expect(passed!.result.score).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
    expect(passed!.timestamp).toBe(clock.now().toISOString());
    const [earned] = mine.filter((statement) => statement.verb.id === PLATFORM_VERBS.earned);
    expect(earned!.context.contextActivities.parent[0]?.id).toBe(
      activity('course', learning.courseId),
    );
    expect(earned!.object.id).toMatch(`${PUBLIC_URL}/xapi/activities/certificate/`);
  });

  it('stores nothing new when the same events are relayed again', async () => {
    const before = await dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS `n` FROM `xapi_statements` WHERE `client_id` = ?',
      ['platform'],
    );
    relay.rewind();
    expect(await relay()).toBeGreaterThan(0);
    const after = await dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS `n` FROM `xapi_statements` WHERE `client_id` = ?',
      ['platform'],
    );
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    expect(await statements.allOfLearner(learning.userId)).toEqual(mine);
  });

  it('gives a learner only their own statements, paged newest first', async () => {
    const theirs = (await statements.allOfLearner(other.userId)) as unknown as Statement[];
    expect(theirs.map((statement) => statement.verb.id)).toEqual([
      PLATFORM_VERBS.registered,
      PLATFORM_VERBS.completed,
    ]);
    expect(theirs.every((statement) => statement.actor.account.name === other.userId)).toBe(true);
    expect(mine.some((statement) => statement.actor.account.name !== learning.userId)).toBe(false);

    const page = await statements.ofLearner(learning.userId, { page: 2, pageSize: 4 });
    expect(page.total).toBe(11);
    expect(page.items).toEqual([...mine].reverse().slice(4, 8));
  });
});
