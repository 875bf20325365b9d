import { ExportConnections } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { complianceQuery } from './compliance-query';
import type { RawComplianceRow } from './compliance-row';

/** A unit of the tree: its id and materialized path. */
export interface UnitRef {
  id: string;
  path: string;
}

/** Compliance rows rolled up the org-unit tree (see {@link complianceQuery}). */
@Injectable()
export class ComplianceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exports: ExportConnections,
  ) {}

  /** The rows of the unit's whole subtree, or of the unit and its children. */
  rows(unit: UnitRef, units: 'subtree' | 'unit-and-children'): Promise<RawComplianceRow[]> {
    const query = complianceQuery(unit.path, units, unit.id);
    return this.dataSource.query<RawComplianceRow[]>(query.sql, query.params);
  }

  /**
   * The rows of the unit's subtree, streamed from a cursor of the export pool (a client that
   * stops reading is cut off, see {@link ExportConnections}).
   */
  streamSubtree(unit: UnitRef): Promise<Readable> {
    const query = complianceQuery(unit.path, 'subtree', unit.id);
    return this.exports.stream(query.sql, query.params);
  }
}
