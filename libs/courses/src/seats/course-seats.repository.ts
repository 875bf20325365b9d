import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import type { CourseStatus } from '../courses/course-status';

/** A course row as enrollment sees it while holding its lock. */
export interface SeatedCourse {
  courseId: string;
  facilityId: string;
  /** As it reads now: events quote it so notifications need not look it up. */
  title: string;
  status: CourseStatus;
  /** Seats in all; null when the course takes everyone. */
  capacity: number | null;
  /** Seats taken now (the counter {@link CourseSeats.adjustActive} moves). */
  activeEnrollments: number;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
}

interface SeatRow {
  courseId: string;
  facilityId: string;
  title: string;
  status: CourseStatus;
  capacity: number | null;
  activeEnrollments: number | string;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
}

/**
 * The seat counter of a course (`courses.active_enrollments`), for the enrollment lib. Both
 * methods run in the caller's transaction: lock first, decide, adjust, commit. Every enrollment
 * of a course serializes on its row lock, so a burst of concurrent requests never takes more
 * seats than `capacity`.
 */
@Injectable()
export class CourseSeats {
  /**
   * Locks the course row (`SELECT … FOR UPDATE`) until the caller's transaction ends and returns
   * what seat decisions need, or null when there is no such course.
   */
  async lockForEnrollment(manager: EntityManager, courseId: string): Promise<SeatedCourse | null> {
    const [row] = await manager.query<SeatRow[]>(
      'SELECT `id` AS courseId, `facility_id` AS facilityId, `title`, `status`, `capacity`, ' +
        '`active_enrollments` AS activeEnrollments, `enrollment_opens_at` AS enrollmentOpensAt, ' +
        '`enrollment_closes_at` AS enrollmentClosesAt FROM `courses` WHERE `id` = ? FOR UPDATE',
      [courseId],
    );
    return row ? { ...row, activeEnrollments: Number(row.activeEnrollments) } : null;
  }

  /**
   * Moves the counter by `delta` (+1 on taking a seat, −1 on giving one back) in the caller's
   * transaction, after {@link lockForEnrollment}. Returns the new count. Throws when the course
   * does not exist or the counter would go below zero (a bookkeeping error, never a user's).
   */
  async adjustActive(manager: EntityManager, courseId: string, delta: number): Promise<number> {
    if (!Number.isInteger(delta)) throw new Error(`A seat delta is a whole number, not ${delta}`);
    if (delta !== 0) {
      // The column is unsigned: subtract only where the result stays at or above zero.
      const [sql, params] =
        delta > 0
          ? [
              'UPDATE `courses` SET `active_enrollments` = `active_enrollments` + ? WHERE `id` = ?',
              [delta, courseId],
            ]
          : [
              'UPDATE `courses` SET `active_enrollments` = `active_enrollments` - ? WHERE `id` = ? AND `active_enrollments` >= ?',
              [-delta, courseId, -delta],
            ];
      const result = await manager.query<{ affectedRows?: number }>(sql, params);
      if (result.affectedRows !== 1)
        throw new Error(`Cannot move the seats of course ${courseId} by ${delta}`);
    }
    const [row] = await manager.query<{ count: number | string }[]>(
      'SELECT `active_enrollments` AS count FROM `courses` WHERE `id` = ?',
      [courseId],
    );
    if (!row) throw CourseError.courseNotFound(courseId);
    return Number(row.count);
  }
}
