import { recordEvent, sqlDateTime } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type SqlCondition, TARGET_FROM } from './target-query';

/** One person to assign: the cycle their new assignment gets. */
export interface Newcomer {
  userId: string;
  cycle: number;
}

/** A completion whose renewal is due. */
export interface Renewal {
  id: string;
  userId: string;
  cycle: number;
  enrollmentId: string | null;
  expiresAt: Date;
}

/** An open assignment whose enrollment completed, with the version it is under. */
export interface FinishedAssignment {
  id: string;
  requirementId: string;
  version: number;
  userId: string;
  completedAt: Date | null;
}

/**
 * A new assignment row, in column order: id, requirement, version, user, cycle, enrollment,
 * status, assigned at, due at (times as `sqlDateTime` strings).
 */
export type AssignmentRow = [
  string,
  string,
  number,
  string,
  number,
  string | null,
  string,
  string,
  string | null,
];

const OPEN = "('assigned', 'in_progress', 'overdue')";

/**
 * Set-based statements on `training_assignments`. Methods taking a manager run in the caller's
 * transaction.
 */
@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * At READ COMMITTED like enrollment's own transactions: looking up enrollments that do not
   * exist yet locks no gap, so a chunk never deadlocks with a learner enrolling.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * Moves open assignments' statuses (of one requirement, or all; of some people, or everyone)
   * with three narrow statements rather than rewriting every row: past due → `overdue` (index
   * on status and due date), no longer past due after an edit → back, started → `in_progress`.
   * Returns the rows changed.
   */
  async moveOpenStatuses(
    at: Date,
    requirementId?: string,
    userIds?: readonly string[],
  ): Promise<number> {
    const scope = [
      requirementId ? 'AND a.`requirement_id` = ?' : '',
      userIds ? 'AND a.`user_id` IN (?)' : '',
    ].join(' ');
    const scopeParams = [...(requirementId ? [requirementId] : []), ...(userIds ? [userIds] : [])];
    const now = sqlDateTime(at);
    const started = `(e.\`progress_percent\` > 0 OR EXISTS (SELECT 1 FROM \`lesson_progress_view\` p
      WHERE p.\`enrollment_id\` = a.\`enrollment_id\`))`;
    const statements: [string, unknown[]][] = [
      [
        `UPDATE \`training_assignments\` a SET a.\`status\` = 'overdue'
         WHERE a.\`status\` IN ('assigned', 'in_progress') AND a.\`due_at\` <= ?
         AND a.\`closed_at\` IS NULL ${scope}`,
        [now, ...scopeParams],
      ],
      [
        `UPDATE \`training_assignments\` a LEFT JOIN \`enrollments_view\` e ON e.\`id\` = a.\`enrollment_id\`
         SET a.\`status\` = IF(${started}, 'in_progress', 'assigned')
         WHERE a.\`status\` = 'overdue' AND (a.\`due_at\` IS NULL OR a.\`due_at\` > ?)
         AND a.\`closed_at\` IS NULL ${scope}`,
        [now, ...scopeParams],
      ],
      [
        `UPDATE \`training_assignments\` a JOIN \`enrollments_view\` e ON e.\`id\` = a.\`enrollment_id\`
         SET a.\`status\` = 'in_progress'
         WHERE a.\`status\` = 'assigned' AND a.\`closed_at\` IS NULL AND ${started} ${scope}`,
        scopeParams,
      ],
    ];
    const changes = [];
    for (const [sql, params] of statements)
      changes.push(await this.dataSource.query<{ affectedRows: number }>(sql, params));
    return changes.reduce((sum, result) => sum + result.affectedRows, 0);
  }

  /** Completed assignments past their expiry, with no renewal done, become `expired`. */
  async expireCompleted(at: Date): Promise<number> {
    const result = await this.dataSource.query<{ affectedRows: number }>(
      "UPDATE `training_assignments` SET `status` = 'expired' WHERE `status` = 'completed' AND `closed_at` IS NULL AND `expires_at` <= ?",
      [sqlDateTime(at)],
    );
    return result.affectedRows;
  }

  /** Stores the certificate's serial on the live assignment of its enrollment. */
  async attachCertificate(enrollmentId: string, serial: string): Promise<number> {
    const result = await this.dataSource.query<{ affectedRows: number }>(
      'UPDATE `training_assignments` SET `certificate_serial` = ? WHERE `enrollment_id` = ? AND `closed_at` IS NULL',
      [serial, enrollmentId],
    );
    return result.affectedRows;
  }

  /** The open assignments of this (completed) enrollment. */
  openOfEnrollment(enrollmentId: string): Promise<FinishedAssignment[]> {
    return this.openWithEnrollment('a.`enrollment_id` = ?', [enrollmentId]);
  }

  /**
   * Open assignments of the requirement (of some people) whose enrollment completed after (or,
   * in the first cycle, at any time before) they were made.
   */
  openWithFinishedEnrollment(
    requirementId: string,
    userIds?: readonly string[],
  ): Promise<FinishedAssignment[]> {
    return this.openWithEnrollment(
      `e.\`status\` = 'completed' AND (a.\`cycle\` = 1 OR e.\`completed_at\` >= a.\`assigned_at\`)
       AND a.\`requirement_id\` = ? ${userIds ? 'AND a.`user_id` IN (?)' : ''}`,
      [requirementId, ...(userIds ? [userIds] : [])],
    );
  }

  private openWithEnrollment(where: string, params: unknown[]): Promise<FinishedAssignment[]> {
    return this.dataSource.query<FinishedAssignment[]>(
      `SELECT a.\`id\`, a.\`requirement_id\` AS requirementId, a.\`requirement_version\` AS version,
         e.\`completed_at\` AS completedAt
       FROM \`training_assignments\` a JOIN \`enrollments_view\` e ON e.\`id\` = a.\`enrollment_id\`
       WHERE a.\`closed_at\` IS NULL AND a.\`status\` IN ('assigned', 'in_progress', 'overdue')
       AND ${where}`,
      params,
    );
  }

  /** Completes an open assignment (`expired` when its validity already ran out). */
  async complete(
    assignment: { id: string; userId: string },
    completion: { status: 'completed' | 'expired'; completedAt: Date; expiresAt: Date | null },
  ): Promise<void> {
    // The event exists exactly when the completion does (the programme figures follow it).
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.query<{ affectedRows: number }>(
        "UPDATE `training_assignments` SET `status` = ?, `completed_at` = ?, `expires_at` = ? WHERE `id` = ? AND `status` IN ('assigned', 'in_progress', 'overdue')",
        [
          completion.status,
          sqlDateTime(completion.completedAt),
          completion.expiresAt ? sqlDateTime(completion.expiresAt) : null,
          assignment.id,
        ],
      );
      if (result.affectedRows > 0)
        await recordEvent(manager, 'training.assignments-completed', {
          userIds: [assignment.userId],
        });
    });
  }

  /** Open assignments of the requirement whose holder is outside `target` close at `at`. */
  async closeOutside(
    requirementId: string,
    target: SqlCondition,
    at: Date,
    userIds?: readonly string[],
  ): Promise<number> {
    const result = await this.dataSource.query<{ affectedRows: number }>(
      `UPDATE \`training_assignments\` a SET a.\`closed_at\` = ?
       WHERE a.\`requirement_id\` = ? AND a.\`closed_at\` IS NULL AND a.\`status\` IN ${OPEN}
       ${userIds ? 'AND a.`user_id` IN (?)' : ''}
       AND NOT EXISTS (SELECT 1 ${TARGET_FROM} WHERE m.\`user_id\` = a.\`user_id\` AND ${target.sql})`,
      [sqlDateTime(at), requirementId, ...(userIds ? [userIds] : []), ...target.params],
    );
    return result.affectedRows;
  }

  /**
   * Open assignments of the requirement move to `version`; a first cycle's due date becomes
   * `dueDays` after it was assigned, or `dueDate`.
   */
  async followVersion(
    requirementId: string,
    version: number,
    due: { dueDays: number | null; dueDate: Date | null },
  ): Promise<void> {
    const dueAt =
      due.dueDays !== null
        ? { sql: 'DATE_ADD(a.`assigned_at`, INTERVAL ? DAY)', params: [due.dueDays] }
        : { sql: '?', params: [due.dueDate ? sqlDateTime(due.dueDate) : null] };
    await this.dataSource.query(
      `UPDATE \`training_assignments\` a
       SET a.\`due_at\` = IF(a.\`cycle\` = 1, ${dueAt.sql}, a.\`due_at\`), a.\`requirement_version\` = ?
       WHERE a.\`requirement_id\` = ? AND a.\`closed_at\` IS NULL AND a.\`status\` IN ${OPEN}
       AND a.\`requirement_version\` <> ?`,
      [...dueAt.params, version, requirementId, version],
    );
  }

  /**
   * People in the target with no live assignment of the requirement, with their next cycle. An
   * expired completion counts as live.
   */
  newcomers(requirementId: string, target: SqlCondition): Promise<Newcomer[]> {
    return this.dataSource.query<Newcomer[]>(
      `SELECT m.\`user_id\` AS userId,
         COALESCE((SELECT MAX(p.\`cycle\`) FROM \`training_assignments\` p
           WHERE p.\`requirement_id\` = ? AND p.\`user_id\` = m.\`user_id\`), 0) + 1 AS cycle
       ${TARGET_FROM}
       WHERE ${target.sql} AND NOT EXISTS (SELECT 1 FROM \`training_assignments\` a
         WHERE a.\`requirement_id\` = ? AND a.\`user_id\` = m.\`user_id\`
         AND a.\`closed_at\` IS NULL)
       ORDER BY m.\`user_id\``,
      [requirementId, ...target.params, requirementId],
    );
  }

  /**
   * Live completions of the requirement expiring by `windowEnd` whose holder is still in the
   * target.
   */
  dueForRenewal(requirementId: string, windowEnd: Date, target: SqlCondition): Promise<Renewal[]> {
    return this.dataSource.query<Renewal[]>(
      `SELECT a.\`id\`, a.\`user_id\` AS userId, a.\`cycle\`, a.\`enrollment_id\` AS enrollmentId,
         a.\`expires_at\` AS expiresAt
       FROM \`training_assignments\` a
       WHERE a.\`requirement_id\` = ? AND a.\`closed_at\` IS NULL AND a.\`status\` IN ('completed', 'expired')
         AND a.\`expires_at\` IS NOT NULL AND a.\`expires_at\` <= ?
         AND EXISTS (SELECT 1 ${TARGET_FROM} WHERE m.\`user_id\` = a.\`user_id\` AND ${target.sql})`,
      [requirementId, sqlDateTime(windowEnd), ...target.params],
    );
  }

  /**
   * Inserts the rows, skipping any whose (requirement, person, cycle) exists already, and
   * returns the people of the rows this call inserted (a racing run may have assigned some
   * first).
   */
  async insertNew(manager: EntityManager, rows: readonly AssignmentRow[]): Promise<string[]> {
    await manager.query(
      'INSERT IGNORE INTO `training_assignments` (`id`, `requirement_id`, `requirement_version`, `user_id`, `cycle`, `enrollment_id`, `status`, `assigned_at`, `due_at`) VALUES ?',
      [rows],
    );
    const mine = await manager.query<{ userId: string }[]>(
      'SELECT `user_id` AS userId FROM `training_assignments` WHERE `id` IN (?)',
      [rows.map((row) => row[0])],
    );
    return mine.map((row) => row.userId);
  }

  /** Closes these assignments (those still open) at `at`. */
  async close(manager: EntityManager, ids: readonly string[], at: Date): Promise<void> {
    await manager.query(
      'UPDATE `training_assignments` SET `closed_at` = ? WHERE `id` IN (?) AND `closed_at` IS NULL',
      [sqlDateTime(at), ids],
    );
  }
}
