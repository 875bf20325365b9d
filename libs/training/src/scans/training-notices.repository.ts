import { sqlDateTime } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A notice kind in the ledger. */
export type NoticeKind = 'due-soon' | 'overdue' | 'escalated';

/** An assignment a notice is about. */
export interface NoticeCandidate {
  assignmentId: string;
  userId: string;
  orgUnitId: string | null;
}

/** Candidates: live assignments of one requirement, with the person's current unit. */
const CANDIDATES = `SELECT a.\`id\` AS assignmentId, a.\`user_id\` AS userId, m.\`org_unit_id\` AS orgUnitId
  FROM \`training_assignments\` a
  LEFT JOIN \`memberships_view\` m ON m.\`current_user_id\` = a.\`user_id\`
  WHERE a.\`requirement_id\` = ? AND a.\`closed_at\` IS NULL`;

/**
 * The notice ledger (`training_notices`, unique on assignment, kind and step) and the
 * assignments still owed a notice. Methods taking a manager run in the caller's transaction.
 */
@Injectable()
export class TrainingNoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * Writes a ledger row per assignment (`INSERT IGNORE`: one already noted is skipped) under a
   * new batch, and returns the assignments this batch won.
   */
  async note(
    manager: EntityManager,
    notice: { kind: NoticeKind; step: number; batchId: string; sentAt: Date },
    assignmentIds: readonly string[],
  ): Promise<Set<string>> {
    const now = sqlDateTime(notice.sentAt);
    await manager.query(
      'INSERT IGNORE INTO `training_notices` (`assignment_id`, `kind`, `step`, `batch_id`, `sent_at`) VALUES ?',
      [assignmentIds.map((id) => [id, notice.kind, notice.step, notice.batchId, now])],
    );
    const rows = await manager.query<{ assignmentId: string }[]>(
      'SELECT `assignment_id` AS assignmentId FROM `training_notices` WHERE `batch_id` = ?',
      [notice.batchId],
    );
    return new Set(rows.map((row) => row.assignmentId));
  }

  /**
   * Open (assigned or in progress) assignments of the requirement due in (`from`, `to`] whose
   * holder was not reminded at this step or a nearer one.
   */
  dueSoon(requirementId: string, from: Date, to: Date, step: number): Promise<NoticeCandidate[]> {
    return this.dataSource.query<NoticeCandidate[]>(
      `${CANDIDATES} AND a.\`status\` IN ('assigned', 'in_progress')
         AND a.\`due_at\` > ? AND a.\`due_at\` <= ?
         AND NOT EXISTS (SELECT 1 FROM \`training_notices\` n WHERE n.\`assignment_id\` = a.\`id\`
           AND n.\`kind\` = 'due-soon' AND n.\`step\` <= ?)`,
      [requirementId, sqlDateTime(from), sqlDateTime(to), step],
    );
  }

  /** Overdue assignments of the requirement not yet noticed as overdue. */
  overdue(requirementId: string): Promise<NoticeCandidate[]> {
    return this.dataSource.query<NoticeCandidate[]>(
      `${CANDIDATES} AND a.\`status\` = 'overdue'
       AND NOT EXISTS (SELECT 1 FROM \`training_notices\` n WHERE n.\`assignment_id\` = a.\`id\`
         AND n.\`kind\` = 'overdue')`,
      [requirementId],
    );
  }

  /** Overdue assignments of the requirement due by `dueBy`, not yet escalated. */
  unescalated(requirementId: string, dueBy: Date): Promise<NoticeCandidate[]> {
    return this.dataSource.query<NoticeCandidate[]>(
      `${CANDIDATES} AND a.\`status\` = 'overdue' AND a.\`due_at\` <= ?
       AND NOT EXISTS (SELECT 1 FROM \`training_notices\` n WHERE n.\`assignment_id\` = a.\`id\`
         AND n.\`kind\` = 'escalated')`,
      [requirementId, sqlDateTime(dueBy)],
    );
  }

  /** The names of these org units (from organizations' read model), by id. */
  async unitNames(
    manager: EntityManager,
    orgUnitIds: readonly string[],
  ): Promise<Map<string, string>> {
    const units = await manager.query<{ id: string; name: string }[]>(
      'SELECT `id`, `name` FROM `org_units_view` WHERE `id` IN (?)',
      [orgUnitIds],
    );
    return new Map(units.map((unit) => [unit.id, unit.name]));
  }
}
