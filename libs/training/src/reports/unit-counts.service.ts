import { chunksOf } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** What a nightly reconciliation found: units whose counts had drifted, now repaired. */
export interface CountsReconciliation {
  repaired: number;
}

/** The counted figures, in the table's column order. */
const FIGURES = ['assigned', 'completed', 'in_progress', 'overdue', 'expired'] as const;

/** Units recounted per transaction (their rows stay locked until it commits). */
const RECOUNT_CHUNK = 200;

/**
 * Each unit's live assignments of its current members, aggregated from the assignments
 * themselves: the truth the maintained counts must equal. `unitFilter` narrows the units.
 */
const FRESH_COUNTS = (unitFilter: string): string => `
  SELECT m.\`org_unit_id\` AS orgUnitId, COUNT(*) AS assigned,
    SUM(a.\`status\` = 'completed') AS completed, SUM(a.\`status\` = 'in_progress') AS in_progress,
    SUM(a.\`status\` = 'overdue') AS overdue, SUM(a.\`status\` = 'expired') AS expired
  FROM \`memberships_view\` m
  JOIN \`training_assignments\` a ON a.\`user_id\` = m.\`user_id\` AND a.\`closed_at\` IS NULL
  WHERE m.\`ended_at\` IS NULL ${unitFilter}
  GROUP BY m.\`org_unit_id\``;

type Counts = Record<(typeof FIGURES)[number], number>;

/**
 * The direct per-unit counts the compliance report rolls up (`training_unit_counts`). Triggers
 * on `training_assignments` move them in the statement that changes an assignment (see the
 * migration `CreateTrainingUnitCounts`); what no assignment statement sees is a person changing
 * unit, so the units a moved person belonged to are recounted here, and every unit is checked
 * nightly, repairing any drift (a move whose recount job failed for good, a write racing a move of the
 * same person, a hand edit of the counts).
 *
 * A recount locks the unit's row first, then reads the committed assignments: a writer that
 * already moved the row has committed by then (and is counted), one still on its way adds its
 * change on top after the recount commits. So a recount never loses or doubles a change.
 */
@Injectable()
export class UnitCounts {
  private readonly logger = new Logger('UnitCounts');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Recounts every unit these people are or were members of (they moved, joined or left). */
  async followMembers(userIds: readonly string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const units = await this.dataSource.query<{ orgUnitId: string }[]>(
      'SELECT DISTINCT `org_unit_id` AS orgUnitId FROM `memberships_view` WHERE `user_id` IN (?)',
      [userIds],
    );
    return this.recount(units.map((unit) => unit.orgUnitId));
  }

  /**
   * `training.reconcile-counts`: compares every unit's counts with its assignments in one
   * set-based pass (a consistent read, no lock) and recounts the units that differ.
   */
  async reconcile(): Promise<CountsReconciliation> {
    const negated = FIGURES.map((figure) => `-d.\`${figure}\``).join(', ');
    const drifted = await this.dataSource.query<{ orgUnitId: string }[]>(
      `SELECT x.\`org_unit_id\` AS orgUnitId FROM (
         SELECT \`org_unit_id\`, ${FIGURES.map((figure) => `\`${figure}\``).join(', ')}
         FROM \`training_unit_counts\`
         UNION ALL
         SELECT d.orgUnitId, ${negated} FROM (${FRESH_COUNTS('')}) d
       ) x
       GROUP BY x.\`org_unit_id\`
       HAVING ${FIGURES.map((figure) => `SUM(x.\`${figure}\`) <> 0`).join(' OR ')}`,
    );
    const repaired = await this.recount(drifted.map((unit) => unit.orgUnitId));
    if (repaired > 0) this.logger.warn(`compliance counts repaired in ${repaired} units`);
    else this.logger.log('compliance counts match the assignments in every unit');
    return { repaired };
  }

  /** Recounts the units, returning how many had counts that differed. */
  async recount(orgUnitIds: readonly string[]): Promise<number> {
    let changed = 0;
    // One order for every recount, so two recounts never wait on each other's rows in a cycle.
    const sorted = [...new Set(orgUnitIds)].sort();
    for (const chunk of chunksOf(sorted, RECOUNT_CHUNK))
      changed += await this.dataSource.transaction('READ COMMITTED', (manager) =>
        this.recountChunk(manager, chunk),
      );
    return changed;
  }

  private async recountChunk(
    manager: EntityManager,
    orgUnitIds: readonly string[],
  ): Promise<number> {
    await manager.query('INSERT IGNORE INTO `training_unit_counts` (`org_unit_id`) VALUES ?', [
      orgUnitIds.map((id) => [id]),
    ]);
    const stored = await manager.query<({ orgUnitId: string } & Counts)[]>(
      `SELECT \`org_unit_id\` AS orgUnitId, ${FIGURES.map((figure) => `\`${figure}\``).join(', ')}
       FROM \`training_unit_counts\` WHERE \`org_unit_id\` IN (?) ORDER BY \`org_unit_id\` FOR UPDATE`,
      [orgUnitIds],
    );
    const fresh = await manager.query<({ orgUnitId: string } & Record<keyof Counts, string>)[]>(
      FRESH_COUNTS('AND m.`org_unit_id` IN (?)'),
      [orgUnitIds],
    );
    const freshByUnit = new Map(fresh.map((row) => [row.orgUnitId, row]));
    let changed = 0;
    for (const row of stored) {
      const truth = freshByUnit.get(row.orgUnitId);
      const values = FIGURES.map((figure) => Number(truth?.[figure] ?? 0));
      if (FIGURES.every((figure, i) => Number(row[figure]) === values[i])) continue;
      await manager.query(
        `UPDATE \`training_unit_counts\` SET ${FIGURES.map((figure) => `\`${figure}\` = ?`).join(', ')}
         WHERE \`org_unit_id\` = ?`,
        [...values, row.orgUnitId],
      );
      changed += 1;
    }
    return changed;
  }
}
