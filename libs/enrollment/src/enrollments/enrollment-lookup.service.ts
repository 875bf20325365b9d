import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LessonProgressRepository } from '../progress/lesson-progress.repository';
import { isLearningStatus, LEARNING_STATUSES } from './enrollment.rules';
import { EnrollmentsRepository } from './enrollments.repository';

/** A completed enrollment: whose, in which course, and when it completed. */
export interface CompletedEnrollment {
  enrollmentId: string;
  userId: string;
  courseId: string;
  completedAt: Date | null;
}

/**
 * What other domains may know of enrollments, read-only: who is learning in a course (an
 * enrollment in {@link LEARNING_STATUSES}), whether a course or a lesson is completed. Television
 * checks attendance and reminds learners with it, training follows completions; none of them
 * reads the enrollment tables or re-states which statuses may learn.
 */
@Injectable()
export class EnrollmentLookup {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly progress: LessonProgressRepository,
  ) {}

  /** Whether the user may learn in the course now. */
  async isLearning(userId: string, courseId: string): Promise<boolean> {
    const enrollment = await this.enrollments.findByCourseAndUser(courseId, userId);
    return enrollment !== null && isLearningStatus(enrollment.status);
  }

  /** The ones among `userIds` who may learn in the course. */
  async learnersAmong(courseId: string, userIds: readonly string[]): Promise<Set<string>> {
    return new Set(await this.enrollments.userIdsAmong(courseId, LEARNING_STATUSES, userIds));
  }

  /**
   * The course's learners in pages by user id: the next `limit` after `afterUserId` ('' for the
   * first page). `manager` reads in the caller's transaction.
   */
  learnersAfter(
    courseId: string,
    afterUserId: string,
    limit: number,
    manager?: EntityManager,
  ): Promise<string[]> {
    return this.enrollments.userIdsAfter(courseId, LEARNING_STATUSES, afterUserId, limit, manager);
  }

  /** The courses the user may learn in. */
  learningCourseIds(userId: string): Promise<string[]> {
    return this.enrollments.courseIdsOfUser(userId, LEARNING_STATUSES);
  }

  /** Whether the user's enrollment in the course is completed. */
  async hasCompletedCourse(userId: string, courseId: string): Promise<boolean> {
    const enrollment = await this.enrollments.findByCourseAndUser(courseId, userId);
    return enrollment?.status === 'completed';
  }

  /**
   * A completed enrollment as a certificate needs it, its row locked (`FOR UPDATE`) in the
   * caller's transaction so that issuing happens once; null when it is missing or not completed.
   */
  async lockCompleted(
    manager: EntityManager,
    enrollmentId: string,
  ): Promise<CompletedEnrollment | null> {
    const enrollment = await this.enrollments.lockById(manager, enrollmentId);
    if (enrollment?.status !== 'completed') return null;
    const { userId, courseId, completedAt } = enrollment;
    return { enrollmentId, userId, courseId, completedAt };
  }

  /** Whether the enrollment completed its course (false when it does not exist). */
  async isCompleted(enrollmentId: string): Promise<boolean> {
    const enrollment = await this.enrollments.findById(enrollmentId);
    return enrollment?.status === 'completed';
  }

  /** Whether the user completed the lesson (a check quiz passed, for instance). */
  hasCompletedLesson(userId: string, lessonId: string): Promise<boolean> {
    return this.progress.completedByUser(userId, lessonId);
  }

  /** The ones among `userIds` who completed the lesson. */
  async completedLessonAmong(lessonId: string, userIds: readonly string[]): Promise<Set<string>> {
    return new Set(await this.progress.usersWhoCompleted(lessonId, userIds));
  }
}
