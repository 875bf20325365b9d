import { Clock } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { parsePeriod, periodsOf } from '../indicators/period';
import { FigureCells } from './figure-cells.service';
import { FigureSourcesRepository } from './figure-sources.repository';

/** What a refresh did: how many periods it recomputed and how many cells it changed. */
export interface RefreshOutcome {
  periods: number;
  changed: number;
}

/**
 * Keeps the stored figures in step. An enrollment event recomputes the cells its enrollment
 * touches (the subtrees above its facility, the facility's type and all types, the periods of
 * its enrollment, completion and certificate), from the read models as they are now, so
 * running it twice changes nothing the second time. The nightly reconciliation recomputes
 * every cell and repairs what drifted (a withdrawal, a facility added, a lost job).
 */
@Injectable()
export class FigureRefresh {
  private readonly logger = new Logger(FigureRefresh.name);

  constructor(
    private readonly sources: FigureSourcesRepository,
    private readonly cells: FigureCells,
    private readonly clock: Clock,
  ) {}

  /** Recomputes the cells the enrollment's enrollment, completion and certificate fall in. */
  async refreshEnrollment(enrollmentId: string): Promise<RefreshOutcome> {
    const found = await this.sources.enrollment(enrollmentId);
    if (!found) return { periods: 0, changed: 0 };
    return this.refreshCells(found.facilityId, found.facilityType, [
      found.enrolledAt,
      found.completedAt,
      found.issuedAt,
    ]);
  }

  /**
   * Recomputes the cells the broadcasts' airings and the attendances at them fall in, for the
   * facilities of their courses. A broadcast moved to another period leaves its former period to
   * the nightly reconciliation.
   */
  async refreshAirings(broadcastIds: readonly string[]): Promise<RefreshOutcome> {
    if (broadcastIds.length === 0) return { periods: 0, changed: 0 };
    const found = await this.sources.airings(broadcastIds);
    const byFacility = new Map<string, { facilityType: string; moments: (Date | null)[] }>();
    for (const row of found) {
      const entry = byFacility.get(row.facilityId) ?? {
        facilityType: row.facilityType,
        moments: [],
      };
      entry.moments.push(row.at);
      byFacility.set(row.facilityId, entry);
    }
    const outcome: RefreshOutcome = { periods: 0, changed: 0 };
    for (const [facilityId, { facilityType, moments }] of byFacility) {
      const done = await this.refreshCells(facilityId, facilityType, moments);
      outcome.periods += done.periods;
      outcome.changed += done.changed;
    }
    return outcome;
  }

  /** A facility registered: the cells above it in the periods of its registration. */
  async refreshFacility(facilityId: string): Promise<RefreshOutcome> {
    const found = await this.sources.facility(facilityId);
    if (!found) return { periods: 0, changed: 0 };
    return this.refreshCells(facilityId, found.facilityType, [found.createdAt]);
  }

  /**
   * Reports accepted: the yearly cells above each facility, for its type. The year's quarters
   * hold no reported figures, so they are left alone.
   */
  async refreshReports(year: number, facilityIds: readonly string[]): Promise<RefreshOutcome> {
    if (facilityIds.length === 0) return { periods: 0, changed: 0 };
    const found = await this.sources.facilityTypes(facilityIds);
    const period = parsePeriod(String(year));
    let changed = 0;
    for (const facility of found)
      changed += await this.cells.refresh({
        period,
        unitIds: await this.unitsAbove(facility.id),
        facilityType: facility.facilityType,
      });
    return { periods: found.length > 0 ? 1 : 0, changed };
  }

  /**
   * People's mandated training or agency changed: the country's trained civil servants (that
   * measure alone, so a completion does not recount the country's other figures) in the running
   * year and quarter (the count is taken now) and in the periods their latest completion falls
   * in (dated by its enrollment, which may be before the job ran). Older periods a change
   * reaches (a back-dated membership) are left to the nightly reconciliation.
   */
  async refreshTrained(userIds: readonly string[]): Promise<RefreshOutcome> {
    const latest = userIds.length > 0 ? await this.sources.latestCompletion(userIds) : null;
    const codes = new Set(
      [this.clock.now(), latest].flatMap((at) => (at ? periodsOf(new Date(at)) : [])),
    );
    let changed = 0;
    for (const code of [...codes].sort())
      changed += await this.cells.refresh({
        period: parsePeriod(code),
        unitIds: [''],
        facilityType: { all: true },
        measures: ['trained'],
      });
    return { periods: codes.size, changed };
  }

  /** The country ('') and every administrative unit whose subtree holds the facility. */
  private async unitsAbove(facilityId: string): Promise<string[]> {
    return ['', ...(await this.sources.unitsAbove(facilityId))];
  }

  /** Recomputes the cells above the facility, for its type, in the periods of the moments. */
  private async refreshCells(
    facilityId: string,
    facilityType: string,
    moments: readonly (Date | string | null)[],
  ): Promise<RefreshOutcome> {
    const unitIds = await this.unitsAbove(facilityId);
    const codes = new Set(moments.flatMap((at) => (at ? periodsOf(new Date(at)) : [])));
    let changed = 0;
    for (const code of [...codes].sort())
      changed += await this.cells.refresh({ period: parsePeriod(code), unitIds, facilityType });
    return { periods: codes.size, changed };
  }

  /** Recomputes every cell of every period the data spans; logs how many cells it repaired. */
  async reconcile(): Promise<RefreshOutcome> {
    const periods = await this.cells.knownPeriods();
    let changed = 0;
    for (const period of periods)
      changed += await this.cells.refresh({ period, unitIds: 'all', facilityType: { all: true } });
    this.logger.log(`reconciled ${periods.length} periods: ${changed} cells changed`);
    return { periods: periods.length, changed };
  }
}
