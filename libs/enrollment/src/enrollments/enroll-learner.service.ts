import { Clock, newId } from '@lifelong/common';
import { CourseSeats, type SeatedCourse } from '@lifelong/courses';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnrollmentError } from '../enrollment-error';
import { Enrollment } from './enrollment.entity';
import { type EnrollmentSource, isWindowOpen, seatFor } from './enrollment.rules';
import { EnrollmentsRepository } from './enrollments.repository';

/** An enrollment, and whether this call made it (201) or found it (200). */
export interface EnrollOutcome {
  enrollment: Enrollment;
  created: boolean;
}

/**
 * Enrolling: self-enrollment (idempotent, within the window, waitlisted when full) and mandated
 * enrollment (training: never blocked by capacity or window). Every enrollment that takes or
 * frees a seat locks the course row first, so seats are counted one at a time per course and
 * a burst of requests never seats more learners than the capacity.
 */
@Injectable()
export class EnrollLearnerService {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly seats: CourseSeats,
    private readonly clock: Clock,
  ) {}

  /** The learner enrolls themself: active when a seat is free, else waitlisted. */
  async enroll(userId: string, courseId: string): Promise<EnrollOutcome> {
    // The common repeat (a double click, a retry) answers without taking the course lock.
    const known = await this.enrollments.findByCourseAndUser(courseId, userId);
    if (known && known.status !== 'withdrawn') return { enrollment: known, created: false };
    return this.enrollments.transaction(async (manager) => {
      const course = await this.lockCourse(manager, courseId);
      const existing = await this.enrollments.findByCourseAndUser(courseId, userId, {
        manager,
        lock: true,
      });
      if (existing && existing.status !== 'withdrawn')
        return { enrollment: existing, created: false };
      this.assertOpen(course);
      const status = seatFor(course.capacity, course.activeEnrollments);
      const enrollment = await this.seat(manager, course, userId, existing, status, 'self');
      return { enrollment, created: true };
    });
  }

  /**
   * Mandated training enrolls a person whatever the capacity or the enrollment window: a new or
   * withdrawn enrollment becomes active, a waitlisted one is promoted; an active or completed
   * one is returned as it is. The course must be published.
   */
  async enrollMandated(userId: string, courseId: string): Promise<EnrollOutcome> {
    return this.enrollments.transaction(async (manager) => {
      const course = await this.lockCourse(manager, courseId);
      const existing = await this.enrollments.findByCourseAndUser(courseId, userId, {
        manager,
        lock: true,
      });
      if (existing && (existing.status === 'active' || existing.status === 'completed'))
        return { enrollment: existing, created: false };
      this.assertPublished(course);
      const enrollment = await this.seat(manager, course, userId, existing, 'active', 'mandated');
      return { enrollment, created: !existing };
    });
  }

  private async lockCourse(manager: EntityManager, courseId: string): Promise<SeatedCourse> {
    const course = await this.seats.lockForEnrollment(manager, courseId);
    if (!course)
      throw new EnrollmentError('COURSE_NOT_FOUND', 'There is no such course', { courseId });
    return course;
  }

  private assertPublished(course: SeatedCourse): void {
    if (course.status !== 'published')
      throw new EnrollmentError('COURSE_NOT_PUBLISHED', 'The course is not open to learners', {
        courseId: course.courseId,
        status: course.status,
      });
  }

  private assertOpen(course: SeatedCourse): void {
    this.assertPublished(course);
    const window = { opensAt: course.enrollmentOpensAt, closesAt: course.enrollmentClosesAt };
    if (!isWindowOpen(window, this.clock.now()))
      throw new EnrollmentError('ENROLLMENT_CLOSED', 'Enrollment in this course is closed', {
        enrollmentOpensAt: window.opensAt?.toISOString() ?? null,
        enrollmentClosesAt: window.closesAt?.toISOString() ?? null,
      });
  }

  /**
   * Writes the enrollment (new, or re-entering after a withdrawal, or a waitlisted one promoted
   * by mandated training) with its seat and event, in the course-locked transaction.
   */
  private async seat(
    manager: EntityManager,
    course: SeatedCourse,
    userId: string,
    existing: Enrollment | null,
    status: 'active' | 'waitlisted',
    source: EnrollmentSource,
  ): Promise<Enrollment> {
    const now = this.clock.now();
    const promoted = existing?.status === 'waitlisted';
    const enrollment =
      existing ?? manager.create(Enrollment, { id: newId(), courseId: course.courseId, userId });
    Object.assign(enrollment, {
      status,
      source: existing ? enrollment.source : source,
      // A waitlisted learner keeps their place in time; anyone else (re)joins now.
      enrolledAt: promoted ? enrollment.enrolledAt : now,
      completedAt: null,
      withdrawnAt: null,
      progressPercent: existing ? enrollment.progressPercent : 0,
    });
    if (existing) await this.enrollments.update(manager, enrollment);
    else await this.enrollments.insert(manager, enrollment);
    if (status === 'active') {
      await this.seats.adjustActive(manager, course.courseId, 1);
      const event = {
        enrollmentId: enrollment.id,
        courseId: course.courseId,
        userId,
        courseTitle: course.title,
      };
      await recordEvent(manager, promoted ? 'enrollment.promoted' : 'enrollment.confirmed', event);
    }
    return enrollment;
  }
}
