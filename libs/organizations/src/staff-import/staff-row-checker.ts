import { idsOnPath } from '../tree/tree-path';
import type { CsvItem } from './csv-records';
import type { OrgUnitLookup } from './org-unit-lookup';
import {
  isLineError,
  type LineError,
  readStaffRow,
  type StaffCsvLayout,
  type StaffRow,
} from './staff-csv';

/** A valid row whose org unit is known and within the importer's scope. */
export interface PlacedStaffRow extends StaffRow {
  orgUnitId: string;
}

export interface CheckedBatch {
  rows: PlacedStaffRow[];
  errors: LineError[];
}

/**
 * Checks rows across one whole file: fields, org unit (known, inside the importer's scope),
 * and that no employee code or email appears on two lines (the first one wins).
 */
export class StaffRowChecker {
  private readonly lineByCode = new Map<string, number>();
  private readonly lineByEmail = new Map<string, number>();
  private readonly scope: ReadonlySet<string> | null;

  constructor(
    private readonly layout: StaffCsvLayout,
    scopeOrgUnitIds: readonly string[] | null,
    private readonly orgUnits: OrgUnitLookup,
  ) {
    this.scope = scopeOrgUnitIds && new Set(scopeOrgUnitIds);
  }

  async check(items: readonly CsvItem[]): Promise<CheckedBatch> {
    const errors: LineError[] = [];
    const valid: StaffRow[] = [];
    for (const item of items) {
      const row = isLineError(item) ? item : readStaffRow(item.fields, this.layout, item.line);
      if (isLineError(row)) errors.push(row);
      else valid.push(row);
    }
    const units = await this.orgUnits.resolve(valid.map((row) => row.orgUnitCode));
    const rows: PlacedStaffRow[] = [];
    for (const row of valid) {
      const unit = units.get(row.orgUnitCode);
      const problem = !unit
        ? `unknown org unit code ${row.orgUnitCode}`
        : this.inScope(unit.path)
          ? this.repeatProblem(row)
          : `org unit ${row.orgUnitCode} is outside the units you manage`;
      if (problem !== null) errors.push({ line: row.line, message: problem });
      else if (unit) rows.push({ ...row, orgUnitId: unit.id });
    }
    errors.sort((a, b) => a.line - b.line);
    return { rows, errors };
  }

  private inScope(path: string): boolean {
    return this.scope === null || idsOnPath(path).some((id) => this.scope?.has(id));
  }

  private repeatProblem(row: StaffRow): string | null {
    const code = row.employeeCode.toLowerCase();
    const sameCode = this.lineByCode.get(code);
    if (sameCode !== undefined)
      return `employee code ${row.employeeCode} already appears on line ${sameCode}`;
    const sameEmail = this.lineByEmail.get(row.email);
    if (sameEmail !== undefined) return `email ${row.email} already appears on line ${sameEmail}`;
    this.lineByCode.set(code, row.line);
    this.lineByEmail.set(row.email, row.line);
    return null;
  }
}
