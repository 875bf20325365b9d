import { Clock, CommonError, newId, readCsvText } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { FacilityDirectory } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { MonitoringError } from '../monitoring-error';
import { FacilityReportsRepository } from './facility-reports.repository';
import { definitionOf, FacilityReports } from './facility-reports.service';
import { ReportAccess } from './report-access.service';
import {
  type FieldValue,
  missingAnswers,
  type ReportField,
  type ReportValues,
  valueProblem,
} from './report-fields';
import { ReportForms } from './report-forms.service';

/** The most lines one import takes (a province's facilities fit many times over). */
export const IMPORT_MAX_LINES = 5_000;
/** The largest report CSV accepted. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The column naming the facility, by its code. */
const FACILITY_COLUMNS = ['facility_code', 'facilitycode', 'facility', 'ma_co_so'];

export interface LineError {
  line: number;
  message: string;
}

/** What an import did: reports created as accepted, lines refused and why. */
export interface ImportOutcome {
  imported: number;
  failed: number;
  errors: LineError[];
}

const TRUE = ['true', '1', 'yes', 'co', 'có', 'x'];
const FALSE = ['false', '0', 'no', 'khong', 'không'];

/** A cell as its field's type reads it; a string for the checks to refuse when it is not one. */
function cellValue(field: ReportField, cell: string): unknown {
  switch (field.type) {
    case 'number':
    case 'integer':
      return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    case 'boolean': {
      const folded = cell.toLowerCase();
      if (TRUE.includes(folded)) return true;
      if (FALSE.includes(folded)) return false;
      return cell;
    }
    case 'text':
    case 'choice':
      return cell;
  }
}

/**
 * Imports many facilities' reports for one year from a CSV (provinces that collect them on
 * paper): a header `facility_code` and the form's field keys, one facility per line. The
 * importer is a supervisor or admin covering each facility, so each report is created as
 * accepted: the importer decides it, as they would one submitted on the platform; the deadline,
 * which binds facilities, does not apply. Each line is its own transaction (a line fails whole,
 * with its line number); a facility whose report is already submitted or accepted is refused,
 * a draft or a returned one is replaced.
 */
@Injectable()
export class ReportImport {
  constructor(
    private readonly stored: FacilityReportsRepository,
    private readonly forms: ReportForms,
    private readonly reports: FacilityReports,
    private readonly access: ReportAccess,
    private readonly facilities: FacilityDirectory,
    private readonly clock: Clock,
  ) {}

  async import(principal: Principal, year: number, content: Buffer): Promise<ImportOutcome> {
    if (content.length > IMPORT_MAX_BYTES)
      throw new CommonError(
        'PAYLOAD_TOO_LARGE',
        `A reports file is at most ${IMPORT_MAX_BYTES} bytes`,
        'too_large',
      );
    const fields = await this.forms.currentFields(year);
    const { header, rows } = readCsv(content);
    const facilityColumn = header.findIndex((name) => FACILITY_COLUMNS.includes(name));
    const byKey = new Map(fields.map((field) => [field.key, field]));
    const unknown = header.filter(
      (name, index) => index !== facilityColumn && !byKey.has(name) && name !== '',
    );
    if (facilityColumn < 0 || unknown.length > 0)
      throw new MonitoringError('VALIDATION_FAILED', 'The header does not match the form', {
        fields: {
          file: [
            ...(facilityColumn < 0 ? ['a facility_code column is required'] : []),
            ...unknown.map((name) => `${name} is not a field of the ${year} form`),
          ],
        },
      });
    const outcome: ImportOutcome = { imported: 0, failed: 0, errors: [] };
    const seen = new Set<string>();
    for (const { line, cells } of rows) {
      const problem = await this.importLine(
        principal,
        year,
        fields,
        header,
        facilityColumn,
        cells,
        seen,
      );
      if (problem === null) outcome.imported += 1;
      else {
        outcome.failed += 1;
        outcome.errors.push({ line, message: problem });
      }
    }
    return outcome;
  }

  /** Imports one line; returns why it was refused, or null. */
  private async importLine(
    principal: Principal,
    year: number,
    fields: readonly ReportField[],
    header: readonly string[],
    facilityColumn: number,
    cells: readonly string[],
    seen: Set<string>,
  ): Promise<string | null> {
    const code = cells[facilityColumn] ?? '';
    if (code === '') return 'facility_code is empty';
    const facilityId = await this.facilities.idByCode(code);
    if (facilityId === null) return `no facility has the code ${code}`;
    if (seen.has(facilityId)) return `facility ${code} appears on an earlier line`;
    seen.add(facilityId);
    try {
      await this.access.assertDecider(principal, facilityId, null);
    } catch (error) {
      if (error instanceof MonitoringError && error.code === 'OWN_REPORT')
        return `you answer for facility ${code}, so you may not decide on its report`;
      return `facility ${code} is outside your scope`;
    }
    const values: ReportValues = {};
    const problems: string[] = [];
    const misfits = new Set<string>();
    header.forEach((name, index) => {
      const field = fields.find((candidate) => candidate.key === name);
      const cell = cells[index] ?? '';
      if (!field || cell === '') return;
      const value = cellValue(field, cell);
      const problem = valueProblem(field, value);
      if (problem) {
        problems.push(`${field.key} ${problem}`);
        misfits.add(field.key);
      } else values[field.key] = value as FieldValue;
    });
    const missing = missingAnswers(fields, values).filter((key) => !misfits.has(key));
    if (missing.length > 0) problems.push(`required fields empty: ${missing.join(', ')}`);
    if (problems.length > 0) return problems.join('; ');
    return this.stored.transaction(async (manager) => {
      const existing = await this.stored.find(facilityId, year, { manager, lock: true });
      if (existing && (existing.status === 'submitted' || existing.status === 'accepted'))
        return `the ${year} report of facility ${code} is already ${existing.status}`;
      const now = this.clock.now();
      const id = existing?.id ?? newId();
      const snapshot = fields.map(definitionOf);
      await this.stored.saveAccepted(
        manager,
        {
          id,
          facilityId,
          year,
          values,
          fields: snapshot,
          by: principal.userId,
          comment: 'Imported from a CSV of paper reports',
          at: now,
        },
        existing !== null,
      );
      await this.reports.publish(manager, { id, facilityId, year, values, fields: snapshot });
      return null;
    });
  }
}

/** The header (keys lower-cased) and the lines, with their line numbers (the header is line 1). */
function readCsv(content: Buffer): {
  header: string[];
  rows: { line: number; cells: string[] }[];
} {
  const invalid = (message: string) =>
    new MonitoringError('VALIDATION_FAILED', message, { fields: { file: [message] } });
  const read = readCsvText(content);
  if ('failure' in read) throw invalid(read.failure);
  const [first, ...rest] = read.records;
  if (!first) throw invalid('The file is empty');
  if (rest.length > IMPORT_MAX_LINES) throw invalid(`At most ${IMPORT_MAX_LINES} lines per import`);
  return {
    header: first.cells.map((name) => name.toLowerCase()),
    // The line a record starts on: its last line less the line breaks inside its cells.
    rows: rest.map(({ cells, lastLine }) => ({
      line: lastLine - cells.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0),
      cells,
    })),
  };
}
