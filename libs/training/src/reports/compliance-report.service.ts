import { csvWriter } from '@lifelong/common';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { REPORT_READERS } from '../policies';
import { TrainingError } from '../training-error';
import { ComplianceRepository } from './compliance.repository';
import {
  COMPLIANCE_CSV_COLUMNS,
  type ComplianceRow,
  type RawComplianceRow,
  toComplianceRow,
} from './compliance-row';

/** A unit's rolled-up figures with its children one level down. */
export type ComplianceTree = ComplianceRow & { children: ComplianceRow[] };

/**
 * Compliance per org unit, rolled up the tree in one set-based statement (see
 * {@link complianceQuery}); JSON for a unit and its children, CSV streamed row by row for a
 * whole subtree (memory stays flat however many units), and the rows a snapshot freezes.
 */
@Injectable()
export class ComplianceReport {
  constructor(
    private readonly compliance: ComplianceRepository,
    private readonly orgUnits: OrgUnitPaths,
    private readonly access: AccessPolicy,
  ) {}

  async tree(principal: Principal, orgUnitId: string): Promise<ComplianceTree> {
    const unit = await this.readableUnit(principal, orgUnitId);
    const rows = (await this.compliance.rows(unit, 'unit-and-children')).map(toComplianceRow);
    const root = rows.find((row) => row.orgUnitId === unit.id);
    if (!root) throw unitNotFound(orgUnitId);
    return { ...root, children: rows.filter((row) => row.parentId === unit.id) };
  }

  /** Every unit of the subtree (a snapshot's rows). */
  async subtreeRows(principal: Principal, orgUnitId: string): Promise<ComplianceRow[]> {
    const unit = await this.readableUnit(principal, orgUnitId);
    return (await this.compliance.rows(unit, 'subtree')).map(toComplianceRow);
  }

  /**
   * The subtree as CSV, one row per unit, streamed from a cursor of the export pool through the
   * shared CSV writer (formula-like text escaped): scope is checked before the first byte,
   * backpressure from the client pauses the query stream, and a client that stops reading is
   * cut off after `EXPORT_STALL_SECONDS` (see {@link ExportConnections}).
   */
  async csv(principal: Principal, orgUnitId: string): Promise<Readable> {
    const unit = await this.readableUnit(principal, orgUnitId);
    const rows = await this.compliance.streamSubtree(unit);
    const toRecord = new Transform({
      objectMode: true,
      transform(raw: RawComplianceRow, _encoding, done) {
        done(null, toComplianceRow(raw));
      },
    });
    const output = new PassThrough();
    pipeline(rows, toRecord, csvWriter(COMPLIANCE_CSV_COLUMNS), output).catch((error: unknown) =>
      output.destroy(error as Error),
    );
    return output;
  }

  /** The unit, once the caller is known to read its reports (404 unknown, 403 out of scope). */
  async readableUnit(
    principal: Principal,
    orgUnitId: string,
  ): Promise<{ id: string; path: string }> {
    const path = await this.orgUnits.pathOf(orgUnitId);
    if (path === null) throw unitNotFound(orgUnitId);
    const unit = { id: orgUnitId, path };
    await this.access.assertCovers(principal, REPORT_READERS, {
      scopeType: 'org_unit',
      scopeId: unit.id,
    });
    return unit;
  }
}

const unitNotFound = (orgUnitId: string): TrainingError =>
  new TrainingError('ORG_UNIT_NOT_FOUND', `There is no org unit ${orgUnitId}`, { orgUnitId });
