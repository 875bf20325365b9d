import { Clock } from '@lifelong/common';
import { CourseOutline, type LessonRule } from '@lifelong/courses';
import { Injectable } from '@nestjs/common';
import { EnrollmentError } from '../enrollment-error';
import type { Enrollment } from '../enrollments/enrollment.entity';
import {
  countedLessonIds,
  LEARNING_STATUSES,
  progressPercent,
} from '../enrollments/enrollment.rules';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { LessonProgressRepository } from '../progress/lesson-progress.repository';
import { watchCompletes } from '../progress/watch-report';
import { CourseCompletion } from './course-completion.service';

/** A lesson's completion as the caller sees it. */
export interface LessonCompletionOutcome {
  lessonId: string;
  completedAt: Date;
  courseCompleted: boolean;
}

/** What withdrawing a completion left: whether the lesson and the course are still complete. */
export interface CompletionRevocation {
  lessonId: string;
  lessonCompleted: boolean;
  courseCompleted: boolean;
  /** The course was completed and is not any more (an issued certificate is left as it is). */
  courseReopened: boolean;
}

/**
 * Completing a lesson outright: a reading marked as done by its learner, or a television lesson
 * completed by attendance (called by the television-lessons lib). The lesson, the progress
 * percent and, with the last counted lesson, the course complete in one transaction. Completing
 * a lesson again changes nothing.
 */
@Injectable()
export class CompleteLessonService {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly progress: LessonProgressRepository,
    private readonly outline: CourseOutline,
    private readonly completion: CourseCompletion,
    private readonly clock: Clock,
  ) {}

  /** The learner marks a reading lesson as done. */
  markReadingDone(
    userId: string,
    enrollmentId: string,
    lessonId: string,
  ): Promise<LessonCompletionOutcome> {
    return this.complete(enrollmentId, lessonId, { ownerId: userId, kind: 'reading' });
  }

  /**
   * Completes any lesson of an enrollment, trusted (no owner check): for other domains that
   * decided the learner completed it, such as attendance at a broadcast.
   */
  completeLesson(enrollmentId: string, lessonId: string): Promise<LessonCompletionOutcome> {
    return this.complete(enrollmentId, lessonId, {});
  }

  /** {@link completeLesson} for the learner's enrollment in the lesson's course. */
  async completeLessonForLearner(
    userId: string,
    lessonId: string,
  ): Promise<LessonCompletionOutcome> {
    const lesson = await this.outline.lesson(lessonId);
    if (!lesson) throw EnrollmentError.lessonNotFound(lessonId);
    const enrollment = await this.enrollments.findByCourseAndUser(lesson.courseId, userId);
    if (!enrollment)
      throw new EnrollmentError(
        'ENROLLMENT_NOT_FOUND',
        'The learner is not enrolled in the course',
        {
          courseId: lesson.courseId,
        },
      );
    return this.completeLesson(enrollment.id, lessonId);
  }

  /**
   * Withdraws a lesson completion whose evidence was taken back (a voided group attendance; the
   * caller checked that no other attendance remains). The watched seconds of its video or replay
   * still complete it when they reach the threshold, so only a completion without evidence goes.
   * The progress percent is recounted; a completed course returns to `active` (its
   * `completedAt` cleared), so the last lesson completes it again with its event.
   */
  async revokeLessonCompletion(userId: string, lessonId: string): Promise<CompletionRevocation> {
    const lesson = await this.outline.lesson(lessonId);
    if (!lesson) throw EnrollmentError.lessonNotFound(lessonId);
    const found = await this.enrollments.findByCourseAndUser(lesson.courseId, userId);
    if (!found)
      return { lessonId, lessonCompleted: false, courseCompleted: false, courseReopened: false };
    return this.enrollments.transaction(async (manager) => {
      const enrollment = await this.enrollments.lockById(manager, found.id);
      if (!enrollment) throw EnrollmentError.enrollmentNotFound(found.id);
      const stored = await this.progress.lock(manager, enrollment.id, lessonId);
      const watched =
        lesson.durationSeconds !== null &&
        lesson.completionThreshold !== null &&
        watchCompletes(
          stored?.watchedSeconds ?? 0,
          lesson.durationSeconds,
          lesson.completionThreshold,
        );
      const courseCompleted = enrollment.status === 'completed';
      if (!stored?.completedAt || watched)
        return {
          lessonId,
          lessonCompleted: Boolean(stored?.completedAt),
          courseCompleted,
          courseReopened: false,
        };
      await this.progress.clearCompleted(manager, enrollment.id, lessonId);
      const counted = countedLessonIds(await this.outline.lessons(enrollment.courseId, manager));
      const done = await this.progress.countCompleted(manager, enrollment.id, counted);
      const reopened = courseCompleted && counted.includes(lessonId);
      Object.assign(enrollment, {
        progressPercent: progressPercent(done, counted.length),
        ...(reopened ? { status: 'active', completedAt: null } : {}),
      });
      await this.enrollments.update(manager, enrollment);
      return {
        lessonId,
        lessonCompleted: false,
        courseCompleted: courseCompleted && !reopened,
        courseReopened: reopened,
      };
    });
  }

  private async complete(
    enrollmentId: string,
    lessonId: string,
    expect: { ownerId?: string; kind?: LessonRule['kind'] },
  ): Promise<LessonCompletionOutcome> {
    const lesson = await this.outline.lesson(lessonId);
    return this.enrollments.transaction(async (manager) => {
      const enrollment = await this.enrollments.lockById(manager, enrollmentId);
      if (!enrollment || (expect.ownerId !== undefined && enrollment.userId !== expect.ownerId))
        throw EnrollmentError.enrollmentNotFound(enrollmentId);
      assertLessonOf(enrollment, lesson, lessonId, expect.kind);
      assertLearning(enrollment);
      const stored = await this.progress.lock(manager, enrollmentId, lessonId);
      if (stored?.completedAt)
        return {
          lessonId,
          completedAt: stored.completedAt,
          courseCompleted: enrollment.status === 'completed',
        };
      const now = this.clock.now();
      await this.progress.markCompleted(manager, enrollmentId, lessonId, now);
      const courseCompleted = await this.completion.afterLessonCompleted(manager, enrollment, now, {
        lessonId,
      });
      return { lessonId, completedAt: now, courseCompleted };
    });
  }
}

/** Learning needs a seat: a waitlisted or withdrawn enrollment is refused (422). */
export function assertLearning(enrollment: Pick<Enrollment, 'id' | 'status'>): void {
  if (!LEARNING_STATUSES.includes(enrollment.status))
    throw new EnrollmentError(
      'ENROLLMENT_NOT_ACTIVE',
      `The enrollment is ${enrollment.status}: learning needs an active enrollment`,
      { enrollmentId: enrollment.id, status: enrollment.status },
    );
}

/** The lesson must belong to the enrollment's course (404) and be of the expected kind (422). */
export function assertLessonOf<L extends Pick<LessonRule, 'courseId' | 'kind'>>(
  enrollment: Pick<Enrollment, 'courseId'>,
  lesson: L | null,
  lessonId: string,
  kind?: LessonRule['kind'],
): asserts lesson is L {
  if (!lesson || lesson.courseId !== enrollment.courseId)
    throw EnrollmentError.lessonNotFound(lessonId);
  if (kind !== undefined && lesson.kind !== kind)
    throw new EnrollmentError('LESSON_KIND_MISMATCH', `This works on ${kind} lessons only`, {
      lessonId,
      kind: lesson.kind,
    });
}
