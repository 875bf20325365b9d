import type { LessonRule } from '@lifelong/courses';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EnrollmentStatus } from '../enrollments/enrollment.rules';
import { LessonProgress } from './lesson-progress.entity';

/** The stored progress of one lesson, as the write path needs it. */
export interface StoredProgress {
  intervals: Buffer | null;
  watchedSeconds: number;
  positionSeconds: number;
  lastReportAt: Date | null;
  completedAt: Date | null;
  revision: number;
}

/** What the progress rule needs of a lesson (the courses lib owns the row). */
export type LessonForProgress = Pick<
  LessonRule,
  'lessonId' | 'courseId' | 'kind' | 'durationSeconds' | 'completionThreshold'
>;

/**
 * One read for a progress report: the enrollment's owner and status, the lesson (null when it
 * does not exist) and the learner's row for it (null before the first report).
 */
export interface ReportContext {
  userId: string;
  courseId: string;
  status: EnrollmentStatus;
  lesson: LessonForProgress | null;
  progress: StoredProgress | null;
}

/** A lesson's progress to write. */
export interface ProgressWrite {
  enrollmentId: string;
  lessonId: string;
  intervals: Buffer;
  watchedSeconds: number;
  positionSeconds: number;
  lastReportAt: Date;
  completedAt: Date | null;
}

interface ContextRow {
  user_id: string;
  course_id: string;
  status: EnrollmentStatus;
  lesson_course_id: string | null;
  lesson_kind: LessonRule['kind'] | null;
  lesson_duration_seconds: number | null;
  lesson_completion_threshold: number | null;
  intervals: Buffer | null;
  watched_seconds: number | null;
  position_seconds: number | null;
  last_report_at: Date | null;
  completed_at: Date | null;
  revision: number | null;
}

interface Affected {
  affectedRows: number;
}

/**
 * The report's one read: enrollment, lesson and progress row by their primary keys. The lesson
 * comes through `lessons_view`, the read model courses publishes (a MERGE view: the same
 * primary-key lookup).
 */
const CONTEXT_SQL =
  'SELECT e.user_id, e.course_id, e.status, l.course_id AS lesson_course_id, ' +
  'l.kind AS lesson_kind, l.duration_seconds AS lesson_duration_seconds, ' +
  'l.completion_threshold AS lesson_completion_threshold, p.intervals, ' +
  'p.watched_seconds, p.position_seconds, p.last_report_at, p.completed_at, p.revision ' +
  'FROM enrollments e LEFT JOIN lessons_view l ON l.id = ? ' +
  'LEFT JOIN lesson_progress p ON p.enrollment_id = e.id AND p.lesson_id = ? WHERE e.id = ?';

// 1 row affected when inserted, 0 when a concurrent report inserted first (the caller then
// applies its report under locks). Not ON DUPLICATE KEY UPDATE: mysql2 connects with
// CLIENT_FOUND_ROWS, under which a no-op update also reports 1 row. IGNORE can only skip the
// duplicate or a vanished enrollment (foreign key): every value is checked before.
const INSERT_FIRST_SQL =
  'INSERT IGNORE INTO lesson_progress (enrollment_id, lesson_id, intervals, watched_seconds, ' +
  'position_seconds, last_report_at, completed_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)';

const COMPARE_AND_SET_SQL =
  'UPDATE lesson_progress SET intervals = ?, watched_seconds = ?, position_seconds = ?, ' +
  'last_report_at = ?, completed_at = COALESCE(completed_at, ?), revision = revision + 1 ' +
  'WHERE enrollment_id = ? AND lesson_id = ? AND revision = ?';

/**
 * The lesson progress table. The report path is one read ({@link readReportContext}) and one
 * write that only lands if nobody wrote in between ({@link insertFirst} or
 * {@link compareAndSet}); each is a single autocommitted statement, so a success is stored.
 */
@Injectable()
export class LessonProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async readReportContext(enrollmentId: string, lessonId: string): Promise<ReportContext | null> {
    const [row] = await this.dataSource.query<ContextRow[]>(CONTEXT_SQL, [
      lessonId,
      lessonId,
      enrollmentId,
    ]);
    if (!row) return null;
    return {
      userId: row.user_id,
      courseId: row.course_id,
      status: row.status,
      lesson: toLesson(lessonId, row),
      progress: row.revision === null ? null : toStored(row),
    };
  }

  /** False when the row already exists (another report won the race). */
  async insertFirst(write: ProgressWrite, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.dataSource.manager).query<Affected>(INSERT_FIRST_SQL, [
      write.enrollmentId,
      write.lessonId,
      write.intervals,
      write.watchedSeconds,
      write.positionSeconds,
      write.lastReportAt,
      write.completedAt,
    ]);
    return result.affectedRows === 1;
  }

  /** False when the row changed since `revision` was read (nothing is written then). */
  async compareAndSet(
    write: ProgressWrite,
    revision: number,
    manager?: EntityManager,
  ): Promise<boolean> {
    const result = await (manager ?? this.dataSource.manager).query<Affected>(COMPARE_AND_SET_SQL, [
      write.intervals,
      write.watchedSeconds,
      write.positionSeconds,
      write.lastReportAt,
      write.completedAt,
      write.enrollmentId,
      write.lessonId,
      revision,
    ]);
    return result.affectedRows === 1;
  }

  /** The row, locked for the rest of the transaction (null when there is none yet). */
  async lock(
    manager: EntityManager,
    enrollmentId: string,
    lessonId: string,
  ): Promise<StoredProgress | null> {
    const row = await manager.findOne(LessonProgress, {
      where: { enrollmentId, lessonId },
      lock: { mode: 'pessimistic_write' },
    });
    return row ? { ...row } : null;
  }

  /** Marks a lesson completed (creating its row if needed); an earlier completion is kept. */
  async markCompleted(
    manager: EntityManager,
    enrollmentId: string,
    lessonId: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO lesson_progress (enrollment_id, lesson_id, completed_at, revision) ' +
        'VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE ' +
        'completed_at = COALESCE(completed_at, ?), revision = revision + 1',
      [enrollmentId, lessonId, at, at],
    );
  }

  /** Clears a lesson's completion (its watched seconds stay). */
  async clearCompleted(
    manager: EntityManager,
    enrollmentId: string,
    lessonId: string,
  ): Promise<void> {
    await manager.query(
      'UPDATE lesson_progress SET completed_at = NULL, revision = revision + 1 ' +
        'WHERE enrollment_id = ? AND lesson_id = ?',
      [enrollmentId, lessonId],
    );
  }

  /** Forgets every lesson row of these enrollments (a restart from nothing). */
  async deleteForEnrollments(
    manager: EntityManager,
    enrollmentIds: readonly string[],
  ): Promise<void> {
    await manager.query('DELETE FROM `lesson_progress` WHERE `enrollment_id` IN (?)', [
      enrollmentIds,
    ]);
  }

  /** How many of these lessons the enrollment has completed (newest committed state). */
  async countCompleted(
    manager: EntityManager,
    enrollmentId: string,
    lessonIds: readonly string[],
  ): Promise<number> {
    if (lessonIds.length === 0) return 0;
    const [row] = await manager.query<{ completed: string | number }[]>(
      'SELECT COUNT(*) AS completed FROM lesson_progress ' +
        'WHERE enrollment_id = ? AND lesson_id IN (?) AND completed_at IS NOT NULL',
      [enrollmentId, lessonIds],
    );
    return Number(row?.completed ?? 0);
  }

  /**
   * Whether the user completed the lesson, in whichever enrollment holds it (a lesson belongs to
   * one course): their enrollments by `ix_enrollments_user`, then one primary-key read each.
   */
  async completedByUser(userId: string, lessonId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM enrollments e JOIN lesson_progress p ' +
        'ON p.enrollment_id = e.id AND p.lesson_id = ? AND p.completed_at IS NOT NULL ' +
        'WHERE e.user_id = ? LIMIT 1',
      [lessonId, userId],
    );
    return rows.length > 0;
  }

  /** Which of `userIds` completed the lesson (one primary-key read per enrollment). */
  async usersWhoCompleted(lessonId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      'SELECT e.user_id FROM enrollments e JOIN lesson_progress p ' +
        'ON p.enrollment_id = e.id AND p.lesson_id = ? AND p.completed_at IS NOT NULL ' +
        'WHERE e.user_id IN (?)',
      [lessonId, userIds],
    );
    return rows.map((row) => row.user_id);
  }

  /** Every lesson row of an enrollment (one primary-key range). */
  listForEnrollment(enrollmentId: string): Promise<LessonProgress[]> {
    return this.dataSource.getRepository(LessonProgress).find({
      where: { enrollmentId },
      select: {
        lessonId: true,
        watchedSeconds: true,
        positionSeconds: true,
        completedAt: true,
      },
    });
  }
}

function toLesson(lessonId: string, row: ContextRow): LessonForProgress | null {
  if (row.lesson_course_id === null || row.lesson_kind === null) return null;
  return {
    lessonId,
    courseId: row.lesson_course_id,
    kind: row.lesson_kind,
    durationSeconds: row.lesson_duration_seconds,
    completionThreshold: row.lesson_completion_threshold,
  };
}

function toStored(row: ContextRow): StoredProgress {
  return {
    intervals: row.intervals,
    watchedSeconds: row.watched_seconds ?? 0,
    positionSeconds: row.position_seconds ?? 0,
    lastReportAt: row.last_report_at,
    completedAt: row.completed_at,
    revision: row.revision ?? 0,
  };
}
