import { sqlDateTime } from '@lifelong/database';
import { Clock } from '@lifelong/common';
import { EnrollmentLookup } from '@lifelong/enrollment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequirementVersion } from '../requirements/requirement-version.entity';
import { expiresAtFor } from '../requirements/requirement.rules';

/**
 * Stored statuses, moved by set-based statements that read time from the Clock: open
 * assignments become `overdue` past their due date, else `in_progress` once the enrollment has
 * progress; completed ones become `expired` when their validity ran out. Completion itself comes
 * from the enrollment (`enrollment.completed`), with the expiry of the version it was done under.
 */
@Injectable()
export class AssignmentStatuses {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly enrollments: EnrollmentLookup,
  ) {}

  /**
   * Moves open assignments' statuses (of one requirement, or all; of some people, or everyone)
   * with three narrow statements rather than rewriting every row: past due → `overdue` (index
   * on status and due date), no longer past due after an edit → back, started → `in_progress`.
   * Returns the rows changed.
   */
  async refresh(requirementId?: string, userIds?: readonly string[]): Promise<number> {
    if (requirementId) await this.completeFinishedEnrollments(requirementId, userIds);
    const scope = [
      requirementId ? 'AND a.`requirement_id` = ?' : '',
      userIds ? 'AND a.`user_id` IN (?)' : '',
    ].join(' ');
    const scopeParams = [...(requirementId ? [requirementId] : []), ...(userIds ? [userIds] : [])];
    const now = sqlDateTime(this.clock.now());
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
  async expire(): Promise<number> {
    const result = await this.dataSource.query<{ affectedRows: number }>(
      "UPDATE `training_assignments` SET `status` = 'expired' WHERE `status` = 'completed' AND `closed_at` IS NULL AND `expires_at` <= ?",
      [sqlDateTime(this.clock.now())],
    );
    return result.affectedRows;
  }

  /**
   * Completes the open assignments of a completed enrollment: `completedAt` is the
   * enrollment's, `expiresAt` follows the recurrence of the version in force. Idempotent.
   */
  async completeEnrollment(enrollmentId: string): Promise<number> {
    if (!(await this.enrollments.isCompleted(enrollmentId))) return 0;
    return this.completeOpen('a.`enrollment_id` = ?', [enrollmentId]);
  }

  /** Stores the certificate's serial on the live assignment of its enrollment. */
  async attachCertificate(enrollmentId: string, serial: string): Promise<number> {
    const result = await this.dataSource.query<{ affectedRows: number }>(
      'UPDATE `training_assignments` SET `certificate_serial` = ? WHERE `enrollment_id` = ? AND `closed_at` IS NULL',
      [serial, enrollmentId],
    );
    return result.affectedRows;
  }

  /**
   * A person may finish the course before the assignment job ran (or a first cycle may find the
   * course already done): open assignments whose enrollment completed after (or, in the first
   * cycle, at any time before) they were made complete too.
   */
  private completeFinishedEnrollments(
    requirementId: string,
    userIds?: readonly string[],
  ): Promise<number> {
    return this.completeOpen(
      `e.\`status\` = 'completed' AND (a.\`cycle\` = 1 OR e.\`completed_at\` >= a.\`assigned_at\`)
       AND a.\`requirement_id\` = ? ${userIds ? 'AND a.`user_id` IN (?)' : ''}`,
      [requirementId, ...(userIds ? [userIds] : [])],
    );
  }

  private async completeOpen(where: string, params: unknown[]): Promise<number> {
    const rows = await this.dataSource.query<
      { id: string; requirementId: string; version: number; completedAt: Date | null }[]
    >(
      `SELECT a.\`id\`, a.\`requirement_id\` AS requirementId, a.\`requirement_version\` AS version,
         e.\`completed_at\` AS completedAt
       FROM \`training_assignments\` a JOIN \`enrollments_view\` e ON e.\`id\` = a.\`enrollment_id\`
       WHERE a.\`closed_at\` IS NULL AND a.\`status\` IN ('assigned', 'in_progress', 'overdue')
       AND ${where}`,
      params,
    );
    const versions = new Map<string, RequirementVersion | null>();
    for (const row of rows) {
      const key = `${row.requirementId}/${row.version}`;
      if (!versions.has(key))
        versions.set(
          key,
          await this.dataSource.manager.findOneBy(RequirementVersion, {
            requirementId: row.requirementId,
            version: row.version,
          }),
        );
      const rules = versions.get(key);
      const completedAt = row.completedAt ? new Date(row.completedAt) : this.clock.now();
      const expiresAt = rules ? expiresAtFor(rules, completedAt) : null;
      await this.dataSource.query(
        "UPDATE `training_assignments` SET `status` = ?, `completed_at` = ?, `expires_at` = ? WHERE `id` = ? AND `status` IN ('assigned', 'in_progress', 'overdue')",
        [
          expiresAt && expiresAt <= this.clock.now() ? 'expired' : 'completed',
          sqlDateTime(completedAt),
          expiresAt ? sqlDateTime(expiresAt) : null,
          row.id,
        ],
      );
    }
    return rows.length;
  }
}
