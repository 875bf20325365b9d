import { Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { type Period, parsePeriod } from '../indicators/period';
import {
  type CellScope,
  MEASURE_NAMES,
  type MeasureRow,
  measureStatements,
  STORED_FIGURES,
} from './figure-sql';

/** The stored measures of a cell. */
const STORED = STORED_FIGURES;

type StoredFigures = Record<(typeof STORED)[number], number>;

const cellKey = (unitId: string, facilityType: string): string => `${unitId}\t${facilityType}`;

const sameFigures = (a: StoredFigures, b: StoredFigures): boolean =>
  STORED.every((measure) => a[measure] === b[measure]);

const isEmpty = (figures: StoredFigures): boolean =>
  STORED.every((measure) => figures[measure] === 0);

const emptyFigures = (): StoredFigures =>
  Object.fromEntries(STORED.map((measure) => [measure, 0])) as StoredFigures;

/**
 * Computes cells of `monitoring_figures` with the set-based statements of figure-sql and
 * writes only what differs (a cell that became empty is deleted). One period at a time, under
 * a per-period database lock, so two jobs refreshing the same period never interleave a stale
 * computation with a fresh one.
 */
@Injectable()
export class FigureCells {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Recomputes the cells in `scope`; returns how many were written or deleted. */
  async refresh(scope: CellScope): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lock = `monitoring_figures:${scope.period.code}`;
    try {
      const [granted] = (await runner.query('SELECT GET_LOCK(?, 60) AS ok', [lock])) as {
        ok: number | string | null;
      }[];
      if (Number(granted?.ok) !== 1) throw new Error(`Could not lock ${lock}`);
      try {
        await runner.startTransaction();
        const changed = await this.rewrite(runner, scope);
        await runner.commitTransaction();
        return changed;
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

  /** The periods any stored cell or any source row belongs to, oldest first, up to now. */
  async knownPeriods(): Promise<Period[]> {
    const [span] = await this.dataSource.query<{ first: Date | string | null }[]>(
      'SELECT LEAST(' +
        'COALESCE((SELECT MIN(`created_at`) FROM `facilities_view`), NOW(3)), ' +
        'COALESCE((SELECT MIN(`enrolled_at`) FROM `enrollments_view`), NOW(3)), ' +
        'COALESCE((SELECT MIN(`issued_at`) FROM `enrollment_certificates_view`), NOW(3)), ' +
        'COALESCE((SELECT MIN(`starts_at`) FROM `broadcasts_view`), NOW(3))) AS first',
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
    // Accepted reports may be for years before any source row (paper reports imported late).
    const [reported] = await this.dataSource.query<{ first: number | string | null }[]>(
      'SELECT MIN(`year`) AS first FROM `monitoring_reported_values`',
    );
    const firstYear = Math.min(
      new Date(span?.first ?? this.clock.now()).getUTCFullYear(),
      Number(reported?.first ?? Infinity),
    );
    const lastYear = Math.max(
      this.clock.now().getUTCFullYear(),
      new Date(latest?.last ?? 0).getUTCFullYear() + 1,
    );
    const codes = new Set(stored.map((row) => row.period));
    for (let year = firstYear; year <= lastYear; year += 1) {
      codes.add(String(year));
      for (let quarter = 1; quarter <= 4; quarter += 1) codes.add(`${year}-Q${quarter}`);
    }
    return [...codes].sort().map((code) => parsePeriod(code));
  }

  private async rewrite(runner: QueryRunner, scope: CellScope): Promise<number> {
    const computed = await this.compute(runner, scope);
    const stored = await this.stored(runner, scope);
    const now = this.clock.now();
    let changed = 0;
    for (const [key, figures] of computed) {
      const before = stored.get(key);
      if (before && sameFigures(before, figures)) continue;
      if (!before && isEmpty(figures)) continue;
      const [unitId, facilityType] = key.split('\t') as [string, string];
      await runner.query(
        `INSERT INTO \`monitoring_figures\` (\`admin_unit_id\`, \`facility_type\`, \`period\`, ${STORED.map((m) => `\`${m}\``).join(', ')}, \`computed_at\`) ` +
          `VALUES (?, ?, ?, ${STORED.map(() => '?').join(', ')}, ?) ` +
          `ON DUPLICATE KEY UPDATE ${STORED.map((m) => `\`${m}\` = VALUES(\`${m}\`)`).join(', ')}, \`computed_at\` = VALUES(\`computed_at\`)`,
        [unitId, facilityType, scope.period.code, ...STORED.map((m) => figures[m]), now],
      );
      changed += 1;
    }
    for (const key of stored.keys())
      if (!computed.has(key)) {
        const [unitId, facilityType] = key.split('\t') as [string, string];
        await runner.query(
          'DELETE FROM `monitoring_figures` WHERE `period` = ? AND `facility_type` = ? AND `admin_unit_id` = ?',
          [scope.period.code, facilityType, unitId],
        );
        changed += 1;
      }
    return changed;
  }

  /** The scope's cells as the read models say now; empty cells are left out. */
  private async compute(
    runner: QueryRunner,
    scope: CellScope,
  ): Promise<Map<string, StoredFigures>> {
    const cells = new Map<string, StoredFigures>();
    for (const measure of MEASURE_NAMES)
      for (const { sql, params } of measureStatements(measure, scope))
        for (const row of (await runner.query(sql, params)) as MeasureRow[]) {
          const key = cellKey(row.unitId, row.facilityType);
          const cell = cells.get(key) ?? emptyFigures();
          for (const stored of STORED) if (stored in row) cell[stored] = Number(row[stored] ?? 0);
          cells.set(key, cell);
        }
    for (const [key, figures] of cells) if (isEmpty(figures)) cells.delete(key);
    return cells;
  }

  /** The scope's cells as stored. */
  private async stored(runner: QueryRunner, scope: CellScope): Promise<Map<string, StoredFigures>> {
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
    const rows = (await runner.query(
      `SELECT \`admin_unit_id\` AS unitId, \`facility_type\` AS facilityType, ${STORED.map((m) => `\`${m}\``).join(', ')} ` +
        `FROM \`monitoring_figures\` WHERE ${filters.join(' AND ')} FOR UPDATE`,
      params,
    )) as (StoredFigures & { unitId: string; facilityType: string })[];
    return new Map(
      rows.map((row) => [
        cellKey(row.unitId, row.facilityType),
        Object.fromEntries(STORED.map((m) => [m, Number(row[m])])) as StoredFigures,
      ]),
    );
  }
}
