import { Clock } from '@lifelong/common';
import { CourseSeats, type SeatedCourse } from '@lifelong/courses';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnrollmentError } from '../enrollment-error';
import type { Enrollment } from './enrollment.entity';
import { seatFor } from './enrollment.rules';
import { EnrollmentsRepository } from './enrollments.repository';

/**
 * Withdrawing: the learner leaves the course or its waitlist. A seat freed by an active learner
 * goes, in the same transaction, to the oldest waitlisted learner (who gets
 * `enrollment.promoted`). A completed enrollment is a record and cannot be withdrawn.
 */
@Injectable()
export class WithdrawEnrollmentService {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly seats: CourseSeats,
    private readonly clock: Clock,
  ) {}

  /** Withdraws the caller's enrollment; withdrawing twice returns the withdrawn enrollment. */
  async withdraw(userId: string, enrollmentId: string): Promise<Enrollment> {
    const found = await this.enrollments.findById(enrollmentId);
    if (!found || found.userId !== userId) throw EnrollmentError.enrollmentNotFound(enrollmentId);
    if (found.status === 'withdrawn') return found;
    return this.enrollments.transaction(async (manager) => {
      // Course first, then enrollments: the lock order every seat-moving transaction follows.
      const course = await this.seats.lockForEnrollment(manager, found.courseId);
      const enrollment = await this.enrollments.lockById(manager, enrollmentId);
      if (!course || !enrollment) throw EnrollmentError.enrollmentNotFound(enrollmentId);
      if (enrollment.status === 'withdrawn') return enrollment;
      if (enrollment.status === 'completed')
        throw new EnrollmentError(
          'ENROLLMENT_COMPLETED',
          'A completed enrollment is kept as a record and cannot be withdrawn',
          { enrollmentId },
        );
      const freedSeat = enrollment.status === 'active';
      enrollment.status = 'withdrawn';
      enrollment.withdrawnAt = this.clock.now();
      await this.enrollments.update(manager, enrollment);
      // The programme's figures stop counting the seat.
      await recordEvent(manager, 'enrollment.withdrawn', {
        enrollmentId: enrollment.id,
        courseId: enrollment.courseId,
        userId: enrollment.userId,
        courseTitle: course.title,
      });
      if (freedSeat) {
        await this.seats.adjustActive(manager, course.courseId, -1);
        await this.promoteOldest(manager, {
          ...course,
          activeEnrollments: course.activeEnrollments - 1,
        });
      }
      return enrollment;
    });
  }

  /**
   * Promotes waitlisted learners, oldest first, while the course has free seats: for a capacity
   * raised (or removed) after learners began to wait. Returns how many were promoted.
   */
  async fillFreeSeats(courseId: string): Promise<number> {
    return this.enrollments.transaction(async (manager) => {
      const course = await this.seats.lockForEnrollment(manager, courseId);
      if (!course)
        throw new EnrollmentError('COURSE_NOT_FOUND', 'There is no such course', { courseId });
      let promoted = 0;
      while (
        await this.promoteOldest(manager, {
          ...course,
          activeEnrollments: course.activeEnrollments + promoted,
        })
      )
        promoted += 1;
      return promoted;
    });
  }

  /**
   * Gives a free seat to the oldest waitlisted learner, if there is a free seat and a waitlist;
   * true when someone was promoted. Runs in a transaction that holds the course lock.
   */
  private async promoteOldest(manager: EntityManager, course: SeatedCourse): Promise<boolean> {
    if (seatFor(course.capacity, course.activeEnrollments) !== 'active') return false;
    const next = await this.enrollments.oldestWaitlisted(manager, course.courseId);
    if (!next) return false;
    next.status = 'active';
    await this.enrollments.update(manager, next);
    await this.seats.adjustActive(manager, course.courseId, 1);
    await recordEvent(manager, 'enrollment.promoted', {
      enrollmentId: next.id,
      courseId: next.courseId,
      userId: next.userId,
      courseTitle: course.title,
    });
    return true;
  }
}
