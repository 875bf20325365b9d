import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ComplianceSnapshot } from './compliance-snapshot.entity';
import type { ComplianceRow } from './compliance-row';

/** A snapshot without its rows but the first (the unit's own). */
export interface SnapshotHeadline {
  id: string;
  period: string;
  takenAt: Date;
  headline: string | ComplianceRow;
}

/** Frozen compliance snapshots. */
@Injectable()
export class ComplianceSnapshotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  exists(orgUnitId: string, period: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(ComplianceSnapshot, { orgUnitId, period });
  }

  async insert(snapshot: ComplianceSnapshot): Promise<void> {
    await this.dataSource.manager.insert(ComplianceSnapshot, snapshot);
  }

  findById(id: string): Promise<ComplianceSnapshot | null> {
    return this.dataSource.manager.findOneBy(ComplianceSnapshot, { id });
  }

  /**
   * The unit's snapshots, oldest period first, each with its first row only (rows are frozen in
   * tree order, the unit first), so a ministry's thousands of rows stay in the database.
   */
  headlines(orgUnitId: string): Promise<SnapshotHeadline[]> {
    return this.dataSource.query<SnapshotHeadline[]>(
      "SELECT `id`, `period`, `taken_at` AS takenAt, JSON_EXTRACT(`rows`, '$[0]') AS headline " +
        'FROM `training_snapshots` WHERE `org_unit_id` = ? ORDER BY `period`',
      [orgUnitId],
    );
  }
}
