import { Clock, newId } from '@lifelong/common';
import { isDuplicateKey } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { isPeriod } from '../requirements/requirement.rules';
import { REPORT_READERS, SNAPSHOT_TAKERS } from '../policies';
import { TrainingError } from '../training-error';
import { ComplianceReport } from './compliance-report.service';
import type { ComplianceRow } from './compliance-row';
import { ComplianceSnapshot } from './compliance-snapshot.entity';
import { ComplianceSnapshotsRepository } from './compliance-snapshots.repository';

/** A snapshot as a list shows it: when and what period, with its unit's own figures. */
export interface SnapshotSummary {
  id: string;
  orgUnitId: string;
  period: string;
  takenAt: Date;
  /** The unit's row of the frozen rows (its subtree's total). */
  headline: ComplianceRow;
}

/**
 * Snapshots freeze a subtree's compliance for an inspection period: the rows are copied when
 * taken and never updated; a second snapshot of the same unit and period is refused (409).
 */
@Injectable()
export class ComplianceSnapshots {
  constructor(
    private readonly snapshots: ComplianceSnapshotsRepository,
    private readonly report: ComplianceReport,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async take(principal: Principal, orgUnitId: string, period: string): Promise<ComplianceSnapshot> {
    if (!isPeriod(period))
      throw new TrainingError('VALIDATION_FAILED', 'period must be YYYY, YYYY-Qn or YYYY-MM', {
        period,
      });
    // Supervisors read reports; the record of a period is the unit's managers' to take.
    await this.access.assertCovers(principal, SNAPSHOT_TAKERS, {
      scopeType: 'org_unit',
      scopeId: orgUnitId,
    });
    const existing = await this.snapshots.exists(orgUnitId, period);
    const rows = await this.report.subtreeRows(principal, orgUnitId);
    if (existing) throw snapshotExists(period);
    const snapshot = Object.assign(new ComplianceSnapshot(), {
      id: newId(),
      orgUnitId,
      period,
      takenAt: this.clock.now(),
      takenBy: principal.userId,
      rows,
    });
    try {
      await this.snapshots.insert(snapshot);
    } catch (error) {
      if (isDuplicateKey(error, 'uq_training_snapshots_period')) throw snapshotExists(period);
      throw error;
    }
    return snapshot;
  }

  /**
   * The unit's snapshots, oldest period first. Only each snapshot's first row is read (rows are
   * frozen in tree order, the unit first), so a ministry's thousands of rows stay in the database.
   */
  async list(principal: Principal, orgUnitId: string): Promise<SnapshotSummary[]> {
    await this.report.readableUnit(principal, orgUnitId);
    const found = await this.snapshots.headlines(orgUnitId);
    return found.map((row) => ({
      id: row.id,
      orgUnitId,
      period: row.period,
      takenAt: new Date(row.takenAt),
      headline:
        typeof row.headline === 'string'
          ? (JSON.parse(row.headline) as ComplianceRow)
          : row.headline,
    }));
  }

  async find(principal: Principal, id: string): Promise<ComplianceSnapshot> {
    const snapshot = await this.snapshots.findById(id);
    if (
      !snapshot ||
      !(await this.access.covers(principal, REPORT_READERS, {
        scopeType: 'org_unit',
        scopeId: snapshot.orgUnitId,
      }))
    )
      throw new TrainingError('SNAPSHOT_NOT_FOUND', 'There is no such snapshot', { id });
    return snapshot;
  }
}

const snapshotExists = (period: string): TrainingError =>
  new TrainingError('SNAPSHOT_EXISTS', `A snapshot of period ${period} exists already`, {
    period,
  });
