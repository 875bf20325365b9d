import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The counted figures, in the table's column order. */
export const FIGURES = ['assigned', 'completed', 'in_progress', 'overdue', 'expired'] as const;

export type Counts = Record<(typeof FIGURES)[number], number>;

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

/**
 * The per-unit counts (`training_unit_counts`) and the assignments they count. Methods taking a
 * manager run in the caller's transaction.
 */
@Injectable()
export class UnitCountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A recount reads the newest committed assignments once it holds the units' rows. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /** Every unit these people are or were members of. */
  async unitsOfMembers(userIds: readonly string[]): Promise<string[]> {
    const units = await this.dataSource.query<{ orgUnitId: string }[]>(
      'SELECT DISTINCT `org_unit_id` AS orgUnitId FROM `memberships_view` WHERE `user_id` IN (?)',
      [userIds],
    );
    return units.map((unit) => unit.orgUnitId);
  }

  /**
   * The units whose counts differ from their assignments, in one set-based pass (a consistent
   * read, no lock).
   */
  async drifted(): Promise<string[]> {
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
    return drifted.map((unit) => unit.orgUnitId);
  }

  /** The units' stored counts (a row made for any unit without one), locked in id order. */
  async lockStored(
    manager: EntityManager,
    orgUnitIds: readonly string[],
  ): Promise<({ orgUnitId: string } & Counts)[]> {
    await manager.query('INSERT IGNORE INTO `training_unit_counts` (`org_unit_id`) VALUES ?', [
      orgUnitIds.map((id) => [id]),
    ]);
    return manager.query<({ orgUnitId: string } & Counts)[]>(
      `SELECT \`org_unit_id\` AS orgUnitId, ${FIGURES.map((figure) => `\`${figure}\``).join(', ')}
       FROM \`training_unit_counts\` WHERE \`org_unit_id\` IN (?) ORDER BY \`org_unit_id\` FOR UPDATE`,
      [orgUnitIds],
    );
  }

  /** The units' counts as their assignments have them now (a unit with none is absent). */
  fresh(
    manager: EntityManager,
    orgUnitIds: readonly string[],
  ): Promise<({ orgUnitId: string } & Record<keyof Counts, string>)[]> {
    return manager.query<({ orgUnitId: string } & Record<keyof Counts, string>)[]>(
      FRESH_COUNTS('AND m.`org_unit_id` IN (?)'),
      [orgUnitIds],
    );
  }

  /** Writes the unit's counts (`values` in {@link FIGURES} order). */
  async store(manager: EntityManager, orgUnitId: string, values: readonly number[]): Promise<void> {
    await manager.query(
      `UPDATE \`training_unit_counts\` SET ${FIGURES.map((figure) => `\`${figure}\` = ?`).join(', ')}
         WHERE \`org_unit_id\` = ?`,
      [...values, orgUnitId],
    );
  }
}
