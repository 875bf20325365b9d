import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type CellScope,
  MEASURE_NAMES,
  type MeasureRow,
  measureStatements,
  STORED_FIGURES,
} from './figure-sql';

/** The stored measures of a cell. */
export type StoredFigures = Record<(typeof STORED_FIGURES)[number], number>;

/** A stored cell: its unit and facility type ('' for the country, for all types) and figures. */
export type StoredCell = StoredFigures & { unitId: string; facilityType: string };

/**
 * `monitoring_figures`, and the set-based statements of figure-sql that compute its cells from
 * the read models. Methods taking a manager run in the caller's transaction.
 */
@Injectable()
export class FiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction on a connection holding the named lock of the period's
   * figures (`GET_LOCK`, waiting up to 60 s), released whatever happens.
   */
  async underPeriodLock<T>(
    periodCode: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lock = `monitoring_figures:${periodCode}`;
    try {
      const [granted] = (await runner.query('SELECT GET_LOCK(?, 60) AS ok', [lock])) as {
        ok: number | string | null;
      }[];
      if (Number(granted?.ok) !== 1) throw new Error(`Could not lock ${lock}`);
      try {
        await runner.startTransaction();
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [lock]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Every measure's rows for the scope, as the read models say now (measure by measure); `now`
   * is when a stock figure of a running period is taken.
   */
  async measureRows(manager: EntityManager, scope: CellScope, now: Date): Promise<MeasureRow[]> {
    const rows: MeasureRow[] = [];
    for (const measure of scope.measures ?? MEASURE_NAMES)
      for (const { sql, params } of measureStatements(measure, scope, now))
        rows.push(...(await manager.query<MeasureRow[]>(sql, params)));
    return rows;
  }

  /** The scope's stored cells, locked (`FOR UPDATE`). */
  async lockCells(manager: EntityManager, scope: CellScope): Promise<StoredCell[]> {
    const filters: string[] = ['`period` = ?'];
    const params: unknown[] = [scope.period.code];
    if (scope.unitIds !== 'all') {
      filters.push('`admin_unit_id` IN (?)');
      params.push(scope.unitIds);
    }
    if (typeof scope.facilityType === 'string') {
      filters.push("`facility_type` IN (?, '')");
      params.push(scope.facilityType);
    }
    return manager.query<StoredCell[]>(
      `SELECT \`admin_unit_id\` AS unitId, \`facility_type\` AS facilityType, ${STORED_FIGURES.map((m) => `\`${m}\``).join(', ')} ` +
        `FROM \`monitoring_figures\` WHERE ${filters.join(' AND ')} FOR UPDATE`,
      params,
    );
  }

  /** Writes a cell's figures, computed at `at`. */
  async upsertCell(
    manager: EntityManager,
    periodCode: string,
    cell: StoredCell,
    at: Date,
  ): Promise<void> {
    const stored = STORED_FIGURES;
    await manager.query(
      `INSERT INTO \`monitoring_figures\` (\`admin_unit_id\`, \`facility_type\`, \`period\`, ${stored.map((m) => `\`${m}\``).join(', ')}, \`computed_at\`) ` +
        `VALUES (?, ?, ?, ${stored.map(() => '?').join(', ')}, ?) ` +
        `ON DUPLICATE KEY UPDATE ${stored.map((m) => `\`${m}\` = VALUES(\`${m}\`)`).join(', ')}, \`computed_at\` = VALUES(\`computed_at\`)`,
      [cell.unitId, cell.facilityType, periodCode, ...stored.map((m) => cell[m]), at],
    );
  }

  async deleteCell(
    manager: EntityManager,
    periodCode: string,
    unitId: string,
    facilityType: string,
  ): Promise<void> {
    await manager.query(
      'DELETE FROM `monitoring_figures` WHERE `period` = ? AND `facility_type` = ? AND `admin_unit_id` = ?',
      [periodCode, facilityType, unitId],
    );
  }

  /** The stored figures of these units in one period and facility type ('' for all types). */
  cellsOf(
    periodCode: string,
    facilityType: string,
    unitIds: readonly string[],
  ): Promise<(Record<string, string | number> & { unitId: string })[]> {
    return this.dataSource.query(
      `SELECT \`admin_unit_id\` AS unitId, ${STORED_FIGURES.map((m) => `\`${m}\``).join(', ')} ` +
        'FROM `monitoring_figures` ' +
        'WHERE `period` = ? AND `facility_type` = ? AND `admin_unit_id` IN (?)',
      [periodCode, facilityType, unitIds],
    );
  }

  /**
   * What the stored figures could span: the earliest and latest moment of any source row (now,
   * and 1970, when there is none), the periods of the stored cells and the first year of an
   * accepted report (null when none).
   */
  async span(): Promise<{
    first: Date | string | null;
    last: Date | string | null;
    storedPeriods: string[];
    firstReportedYear: number | string | null;
  }> {
    const [span] = await this.dataSource.query<{ first: Date | string | null }[]>(
      'SELECT LEAST(' +
        'COALESCE((SELECT MIN(`created_at`) FROM `facilities_view`), NOW(3)), ' +
        'COALESCE((SELECT MIN(`enrolled_at`) FROM `enrollments_view`), NOW(3)), ' +
        'COALESCE((SELECT MIN(`issued_at`) FROM `enrollment_certificates_view`), NOW(3)), ' +
        'COALESCE((SELECT MIN(`starts_at`) FROM `broadcasts_view`), NOW(3)), ' +
        'COALESCE((SELECT MIN(`completed_at`) FROM `training_assignments_view`), NOW(3))) AS first',
    );
    const stored = await this.dataSource.query<{ period: string }[]>(
      'SELECT DISTINCT `period` FROM `monitoring_figures`',
    );
    const [latest] = await this.dataSource.query<{ last: Date | string | null }[]>(
      'SELECT GREATEST(' +
        "COALESCE((SELECT MAX(`enrolled_at`) FROM `enrollments_view`), '1970-01-01'), " +
        "COALESCE((SELECT MAX(`completed_at`) FROM `enrollments_view`), '1970-01-01'), " +
        "COALESCE((SELECT MAX(`issued_at`) FROM `enrollment_certificates_view`), '1970-01-01'), " +
        "COALESCE((SELECT MAX(`starts_at`) FROM `broadcasts_view`), '1970-01-01')) AS last",
    );
    const [reported] = await this.dataSource.query<{ first: number | string | null }[]>(
      'SELECT MIN(`year`) AS first FROM `monitoring_reported_values`',
    );
    return {
      first: span?.first ?? null,
      last: latest?.last ?? null,
      storedPeriods: stored.map((row) => row.period),
      firstReportedYear: reported?.first ?? null,
    };
  }
}
