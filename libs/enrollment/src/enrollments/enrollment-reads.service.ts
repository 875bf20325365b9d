import type { Page, PageQuery } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { CourseOutline } from '@lifelong/courses';
import { EnrollmentError } from '../enrollment-error';
import { LessonProgressRepository } from '../progress/lesson-progress.repository';
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
  ) {}

  listMine(userId: string, query: PageQuery): Promise<Page<Enrollment>> {
    return this.enrollments.pageOfUser(userId, query);
  }

  async getMine(userId: string, enrollmentId: string): Promise<EnrollmentDetail> {
    const enrollment = await this.enrollments.findById(enrollmentId);
    if (!enrollment || enrollment.userId !== userId)
      throw EnrollmentError.enrollmentNotFound(enrollmentId);
    const [lessons, rows] = await Promise.all([
      this.outline.lessons(enrollment.courseId),
      this.progress.listForEnrollment(enrollmentId),
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
        };
      }),
    };
  }
}
