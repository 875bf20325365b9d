import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { BroadcastAttendance } from './attendance.entity';

/** An attendance whose lesson is not completed yet, with what settling it depends on. */
export interface PendingAttendance {
  id: string;
  userId: string;
  lessonId: string;
  courseId: string;
  /** The lesson's check quiz, if it has one. */
  quizLessonId: string | null;
}

/** Queries on attendances. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class AttendancesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction, at the server's isolation level. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Inserts the attendance unless the learner already has one at the airing; true when it did.
   * Raw, so both MySQL and MariaDB (where TypeORM inserts with RETURNING) report the count.
   */
  async insertIfAbsent(manager: EntityManager, attendance: BroadcastAttendance): Promise<boolean> {
    const result = await manager.query<{ affectedRows: number }>(
      'INSERT IGNORE INTO `broadcast_attendances` ' +
        '(`id`, `broadcast_id`, `user_id`, `lesson_id`, `method`, `facility_id`, `recorded_by`, `recorded_at`) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        attendance.id,
        attendance.broadcastId,
        attendance.userId,
        attendance.lessonId,
        attendance.method,
        attendance.facilityId,
        attendance.recordedBy,
        attendance.recordedAt,
      ],
    );
    return result.affectedRows === 1;
  }

  /** The learner's attendance at the airing (it exists). */
  findOfLearnerOrFail(broadcastId: string, userId: string): Promise<BroadcastAttendance> {
    return this.dataSource
      .getRepository(BroadcastAttendance)
      .findOneByOrFail({ broadcastId, userId });
  }

  /** Which of these learners have an attendance at the airing. */
  async presentAmong(broadcastId: string, userIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.getRepository(BroadcastAttendance).find({
      select: { userId: true },
      where: { broadcastId, userId: In([...userIds]) },
    });
    return new Set(rows.map((row) => row.userId));
  }

  /** Any attendance of the learner at the lesson (any airing), with whether it completed it. */
  anyAtLesson(
    userId: string,
    lessonId: string,
  ): Promise<Pick<BroadcastAttendance, 'id' | 'lessonCompletedAt'> | null> {
    return this.dataSource.getRepository(BroadcastAttendance).findOne({
      select: { id: true, lessonCompletedAt: true },
      where: { userId, lessonId },
    });
  }

  async setLessonCompletedAt(id: string, at: Date | null): Promise<void> {
    await this.dataSource
      .getRepository(BroadcastAttendance)
      .update({ id }, { lessonCompletedAt: at });
  }

  /** Removes a group attendance (one made by code stays). */
  async deleteGroupAttendance(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(BroadcastAttendance, { id, method: 'group' });
  }

  /**
   * Attendances whose lesson is not completed, after `after` in (lesson, id) order (index
   * `ix_broadcast_attendances_pending`), with their course and the lesson's check quiz.
   */
  async pendingAfter(
    after: { lessonId: string; id: string },
    limit: number,
  ): Promise<PendingAttendance[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        user_id: string;
        lesson_id: string;
        course_id: string;
        quiz_lesson_id: string | null;
      }[]
    >(
      `SELECT a.id, a.user_id, a.lesson_id, b.course_id, c.quiz_lesson_id
         FROM broadcast_attendances a
         JOIN broadcasts b ON b.id = a.broadcast_id
         LEFT JOIN television_lesson_checks c ON c.lesson_id = a.lesson_id
        WHERE a.lesson_completed_at IS NULL
          AND (a.lesson_id > ? OR (a.lesson_id = ? AND a.id > ?))
        ORDER BY a.lesson_id, a.id
        LIMIT ?`,
      [after.lessonId, after.lessonId, after.id, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      lessonId: row.lesson_id,
      courseId: row.course_id,
      quizLessonId: row.quiz_lesson_id,
    }));
  }
}
