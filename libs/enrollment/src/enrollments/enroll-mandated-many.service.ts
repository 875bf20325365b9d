import { newId } from '@lifelong/common';
import { CourseSeats } from '@lifelong/courses';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnrollmentError } from '../enrollment-error';
import { LessonProgressRepository } from '../progress/lesson-progress.repository';
import { EnrollmentsRepository } from './enrollments.repository';

/**
 * Mandated enrollment of many people at once (training assigns whole org units): the rules of
 * `enrollMandated`, set-based. In the caller's transaction, with the course row locked: new
 * people get an active enrollment in one multi-row insert, waitlisted or withdrawn ones become
 * active in one update, active and completed ones stay as they are; the seat counter moves once.
 *
 * No `enrollment.confirmed` event per person: the caller tells everyone at once (training sends
 * one `training.assigned` notification per chunk of recipients instead of 200,000 events).
 */
@Injectable()
export class EnrollMandatedMany {
  constructor(
    private readonly seats: CourseSeats,
    private readonly enrollments: EnrollmentsRepository,
    private readonly progress: LessonProgressRepository,
  ) {}

  /** Returns each person's enrollment id. Call with at most a few thousand ids at a time. */
  async enroll(
    manager: EntityManager,
    courseId: string,
    userIds: readonly string[],
    at: Date,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (userIds.length === 0) return ids;
    const course = await this.seats.lockForEnrollment(manager, courseId);
    if (!course)
      throw new EnrollmentError('COURSE_NOT_FOUND', 'There is no such course', { courseId });
    if (course.status !== 'published')
      throw new EnrollmentError('COURSE_NOT_PUBLISHED', 'The course is not open to learners', {
        courseId,
        status: course.status,
      });
    const existing = await this.enrollments.lockByCourseAndUsers(manager, courseId, [
      ...new Set(userIds),
    ]);
    for (const row of existing) ids.set(row.userId, row.id);
    const reseated = existing.filter(
      (row) => row.status === 'waitlisted' || row.status === 'withdrawn',
    );
    const fresh = [...new Set(userIds)]
      .filter((userId) => !ids.has(userId))
      .map((userId) => ({ id: newId(), userId }));
    for (const { id, userId } of fresh) ids.set(userId, id);
    if (fresh.length > 0) await this.enrollments.insertMandated(manager, courseId, fresh, at);
    if (reseated.length > 0)
      // A waitlisted learner keeps their place in time; a withdrawn one re-joins now.
      await this.enrollments.reseat(
        manager,
        reseated.map((row) => row.id),
        at,
      );
    const seated = fresh.length + reseated.length;
    if (seated > 0) await this.seats.adjustActive(manager, courseId, seated);
    return ids;
  }

  /**
   * Recertification: completed enrollments start over (active, no progress, no completion), so
   * the learner takes the course again and completing it again emits `enrollment.completed`.
   * Their seat was kept while completed. Quiz attempts stay as history (and count against an
   * attempt limit). Returns how many started over.
   */
  async restart(
    manager: EntityManager,
    enrollmentIds: readonly string[],
    at: Date,
  ): Promise<number> {
    if (enrollmentIds.length === 0) return 0;
    const restarted = await this.enrollments.restartCompleted(manager, enrollmentIds, at);
    await this.progress.deleteForEnrollments(manager, enrollmentIds);
    return restarted;
  }
}
