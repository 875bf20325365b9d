import { Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Period, parsePeriod } from '../indicators/period';
import { type CellScope, MEASURE_COLUMNS, STORED_FIGURES } from './figure-sql';
import { FiguresRepository, type StoredFigures } from './figures.repository';

/** The stored measures of a cell. */
const STORED = STORED_FIGURES;

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
    private readonly figures: FiguresRepository,
    private readonly clock: Clock,
  ) {}

  /** Recomputes the cells in `scope`; returns how many were written or deleted. */
  refresh(scope: CellScope): Promise<number> {
    return this.figures.underPeriodLock(scope.period.code, (manager) =>
      this.rewrite(manager, scope),
    );
  }

  /** The periods any stored cell or any source row belongs to, oldest first, up to now. */
  async knownPeriods(): Promise<Period[]> {
    const span = await this.figures.span();
    // Accepted reports may be for years before any source row (paper reports imported late).
    const firstYear = Math.min(
      new Date(span.first ?? this.clock.now()).getUTCFullYear(),
      Number(span.firstReportedYear ?? Infinity),
    );
    const lastYear = Math.max(
      this.clock.now().getUTCFullYear(),
      new Date(span.last ?? 0).getUTCFullYear() + 1,
    );
    const codes = new Set(span.storedPeriods);
    for (let year = firstYear; year <= lastYear; year += 1) {
      codes.add(String(year));
      for (let quarter = 1; quarter <= 4; quarter += 1) codes.add(`${year}-Q${quarter}`);
    }
    return [...codes].sort().map((code) => parsePeriod(code));
  }

  private async rewrite(manager: EntityManager, scope: CellScope): Promise<number> {
    const now = this.clock.now();
    const stored = await this.stored(manager, scope);
    const computed = await this.compute(manager, scope, now, stored);
    let changed = 0;
    for (const [key, figures] of computed) {
      const before = stored.get(key);
      if (before && sameFigures(before, figures)) continue;
      if (!before && isEmpty(figures)) continue;
      const [unitId, facilityType] = key.split('\t') as [string, string];
      await this.figures.upsertCell(
        manager,
        scope.period.code,
        { unitId, facilityType, ...figures },
        now,
      );
      changed += 1;
    }
    for (const key of stored.keys())
      if (!computed.has(key)) {
        const [unitId, facilityType] = key.split('\t') as [string, string];
        await this.figures.deleteCell(manager, scope.period.code, unitId, facilityType);
        changed += 1;
      }
    return changed;
  }

  /**
   * The scope's cells as the read models say now; empty cells are left out. With only some
   * measures, a cell keeps its other figures as stored and those measures' start from zero (a
   * cell the statements no longer group is zero for them).
   */
  private async compute(
    manager: EntityManager,
    scope: CellScope,
    now: Date,
    stored: ReadonlyMap<string, StoredFigures>,
  ): Promise<Map<string, StoredFigures>> {
    const cells = new Map<string, StoredFigures>();
    const fresh = (key: string): StoredFigures => {
      if (!scope.measures) return emptyFigures();
      const cell = { ...(stored.get(key) ?? emptyFigures()) };
      for (const measure of scope.measures)
        for (const column of MEASURE_COLUMNS[measure]) cell[column] = 0;
      return cell;
    };
    if (scope.measures) for (const key of stored.keys()) cells.set(key, fresh(key));
    for (const row of await this.figures.measureRows(manager, scope, now)) {
      const key = cellKey(row.unitId, row.facilityType);
      const cell = cells.get(key) ?? fresh(key);
      for (const stored of STORED) if (stored in row) cell[stored] = Number(row[stored] ?? 0);
      cells.set(key, cell);
    }
    for (const [key, figures] of cells) if (isEmpty(figures)) cells.delete(key);
    return cells;
  }

  /** The scope's cells as stored, locked for the rest of the transaction. */
  private async stored(
    manager: EntityManager,
    scope: CellScope,
  ): Promise<Map<string, StoredFigures>> {
    const rows = await this.figures.lockCells(manager, scope);
    return new Map(
      rows.map((row) => [
        cellKey(row.unitId, row.facilityType),
        Object.fromEntries(STORED.map((m) => [m, Number(row[m])])) as StoredFigures,
      ]),
    );
  }
}
