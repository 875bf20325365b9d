import type { LessonCompletedEvent } from '@lifelong/common';
import { CourseOutline } from '@lifelong/courses';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Enrollment } from '../enrollments/enrollment.entity';
import { countedLessonIds, progressPercent } from '../enrollments/enrollment.rules';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { LessonProgressRepository } from '../progress/lesson-progress.repository';

/** The lesson that completed, and what was watched of it when watching completed it. */
export type CompletedLesson = Pick<LessonCompletedEvent, 'lessonId' | 'watched'>;

/**
 * What follows a lesson completion, inside the transaction that wrote it and that holds the
 * enrollment's row lock (so two lessons completing at once are counted one after the other):
 * `enrollment.lesson-completed` is recorded, the progress percent moves, and the course
 * completes with its last counted lesson, recording `enrollment.completed` in the outbox in that
 * same transaction.
 */
@Injectable()
export class CourseCompletion {
  constructor(
    private readonly outline: CourseOutline,
    private readonly enrollments: EnrollmentsRepository,
    private readonly progress: LessonProgressRepository,
  ) {}

  /** Returns true when the course is (now, or already) completed. */
  async afterLessonCompleted(
    manager: EntityManager,
    enrollment: Enrollment,
    at: Date,
    lesson: CompletedLesson,
  ): Promise<boolean> {
    await recordEvent(manager, 'enrollment.lesson-completed', {
      enrollmentId: enrollment.id,
      courseId: enrollment.courseId,
      userId: enrollment.userId,
      lessonId: lesson.lessonId,
      completedAt: at.toISOString(),
      ...(lesson.watched ? { watched: lesson.watched } : {}),
    });
    if (enrollment.status !== 'active') return enrollment.status === 'completed';
    const counted = countedLessonIds(await this.outline.lessons(enrollment.courseId, manager));
    const done = await this.progress.countCompleted(manager, enrollment.id, counted);
    if (counted.length === 0 || done < counted.length) {
      enrollment.progressPercent = progressPercent(done, counted.length);
      await this.enrollments.update(manager, enrollment);
      return false;
    }
    Object.assign(enrollment, { status: 'completed', completedAt: at, progressPercent: 100 });
    await this.enrollments.update(manager, enrollment);
    const course = await this.outline.course(enrollment.courseId, manager);
    await recordEvent(manager, 'enrollment.completed', {
      enrollmentId: enrollment.id,
      courseId: enrollment.courseId,
      userId: enrollment.userId,
      courseTitle: course?.title ?? '',
    });
    return true;
  }
}
