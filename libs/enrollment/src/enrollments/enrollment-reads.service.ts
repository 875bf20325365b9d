import type { Page, PageQuery } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { CourseOutline, type CourseStatus } from '@lifelong/courses';
import { EnrollmentError } from '../enrollment-error';
import { LessonProgressRepository } from '../progress/lesson-progress.repository';
import { QuizAttemptsRepository } from '../quizzes/quiz-attempts.repository';
import type { Enrollment } from './enrollment.entity';
import { EnrollmentsRepository } from './enrollments.repository';

/** Where a learner stands in one lesson. */
export const LESSON_PROGRESS_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type LessonProgressStatus = (typeof LESSON_PROGRESS_STATUSES)[number];

/** One lesson of the course with the learner's progress in it. */
export interface LessonProgressView {
  lessonId: string;
  status: LessonProgressStatus;
  watchedSeconds: number;
  positionSeconds: number;
  completedAt: Date | null;
  /** Quiz lessons: attempts made so far (0 for other kinds). */
  attemptsMade: number;
  /** Quiz lessons: the best score of those attempts, percent; null before any. */
  bestScore: number | null;
}

/** An enrollment in the learner's list, with what the list shows of its course. */
export interface MyEnrollmentView {
  enrollment: Enrollment;
  courseTitle: string;
  /** An archived course stays in the list: the learner keeps their record. */
  courseStatus: CourseStatus;
}

/** An enrollment with every lesson of its course, in course order. */
export interface EnrollmentDetail {
  enrollment: Enrollment;
  lessons: LessonProgressView[];
}

/** A learner's own enrollments; anyone else's is "not found". */
@Injectable()
export class EnrollmentReadsService {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly progress: LessonProgressRepository,
    private readonly outline: CourseOutline,
    private readonly attempts: QuizAttemptsRepository,
  ) {}

  async listMine(userId: string, query: PageQuery): Promise<Page<MyEnrollmentView>> {
    const page = await this.enrollments.pageOfUser(userId, query);
    const courses = await this.outline.titles(page.items.map((item) => item.courseId));
    return {
      ...page,
      items: page.items.map((enrollment) => {
        const course = courses.get(enrollment.courseId);
        return {
          enrollment,
          courseTitle: course?.title ?? '',
          courseStatus: course?.status ?? 'archived',
        };
      }),
    };
  }

  async getMine(userId: string, enrollmentId: string): Promise<EnrollmentDetail> {
    const enrollment = await this.enrollments.findById(enrollmentId);
    if (!enrollment || enrollment.userId !== userId)
      throw EnrollmentError.enrollmentNotFound(enrollmentId);
    const [lessons, rows, tallies] = await Promise.all([
      this.outline.lessons(enrollment.courseId),
      this.progress.listForEnrollment(enrollmentId),
      this.attempts.tallies(enrollmentId),
    ]);
    const byLesson = new Map(rows.map((row) => [row.lessonId, row]));
    return {
      enrollment,
      lessons: lessons.map(({ lessonId }) => {
        const row = byLesson.get(lessonId);
        return {
          lessonId,
          status: row?.completedAt ? 'completed' : row ? 'in_progress' : 'not_started',
          watchedSeconds: row?.watchedSeconds ?? 0,
          positionSeconds: row?.positionSeconds ?? 0,
          completedAt: row?.completedAt ?? null,
          attemptsMade: tallies.get(lessonId)?.attempts ?? 0,
          bestScore: tallies.get(lessonId)?.bestScore ?? null,
        };
      }),
    };
  }
}
