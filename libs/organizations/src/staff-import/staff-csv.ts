import { canonicalEmail, normalizeFullName } from '@lifelong/identity';
import { isEmail } from 'class-validator';

/** The staff CSV's columns (api.md), matched case-insensitively and in any order. */
export const STAFF_CSV_COLUMNS = [
  'employeeCode',
  'fullName',
  'email',
  'orgUnitCode',
  'position',
  'jobGrade',
] as const;
export type StaffCsvColumn = (typeof STAFF_CSV_COLUMNS)[number];

/** Where each column sits in a record. */
export type StaffCsvLayout = Readonly<Record<StaffCsvColumn, number>>;

/** One valid data row, normalized (trimmed, email lower-cased, empty optionals null). */
export interface StaffRow {
  line: number;
  employeeCode: string;
  fullName: string;
  email: string;
  orgUnitCode: string;
  position: string | null;
  jobGrade: string | null;
}

export interface LineError {
  line: number;
  message: string;
}

/** `;` when the header line has more semicolons than commas (spreadsheets in vi-VN export so). */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/\r|\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const count = (char: string): number => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Maps header names to positions, or says what is wrong with the header. */
export function readHeader(fields: readonly string[]): StaffCsvLayout | { problem: string } {
  const expected = new Map(STAFF_CSV_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const layout: Partial<Record<StaffCsvColumn, number>> = {};
  const unknown: string[] = [];
  fields.forEach((field, index) => {
    const column = expected.get(field.trim().toLowerCase());
    if (!column) unknown.push(field.trim() || `(empty column ${index + 1})`);
    else if (layout[column] !== undefined) unknown.push(`${column} (repeated)`);
    else layout[column] = index;
  });
  const missing = STAFF_CSV_COLUMNS.filter((column) => layout[column] === undefined);
  const problems = [
    missing.length ? `missing column(s) ${missing.join(', ')}` : '',
    unknown.length ? `unexpected column(s) ${unknown.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length === 0) return layout as StaffCsvLayout;
  return {
    problem: `The header row has ${problems.join(' and ')}; expected ${STAFF_CSV_COLUMNS.join(',')}`,
  };
}

const EMPLOYEE_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
// ASCII only: the database compares case- and accent-insensitively, and so must the matching here.
const ASCII_EMAIL = /^[\x21-\x7e]+$/;
const CONTROL_CHARACTERS = /\p{Cc}/u;
const length = (value: string): number => [...value].length;

/** Checks one free-text field; returns its problem or null. */
function textProblem(
  column: StaffCsvColumn,
  value: string,
  max: number,
  required: boolean,
): string | null {
  if (value === '') return required ? `${column} is required` : null;
  if (length(value) > max) return `${column} is longer than ${max} characters`;
  if (CONTROL_CHARACTERS.test(value)) return `${column} contains a line break or control character`;
  return null;
}

/** Validates and normalizes one data record; problems are listed together for the line. */
export function readStaffRow(
  fields: readonly string[],
  layout: StaffCsvLayout,
  line: number,
): StaffRow | LineError {
  if (fields.length !== STAFF_CSV_COLUMNS.length)
    return {
      line,
      message: `expected ${STAFF_CSV_COLUMNS.length} fields, found ${fields.length}`,
    };
  const value = (column: StaffCsvColumn): string => (fields[layout[column]] ?? '').trim();
  const row: StaffRow = {
    line,
    employeeCode: value('employeeCode'),
    fullName: normalizeFullName(value('fullName')),
    email: canonicalEmail(value('email')),
    orgUnitCode: value('orgUnitCode'),
    position: value('position') || null,
    jobGrade: value('jobGrade') || null,
  };
  const problems = [
    textProblem('employeeCode', row.employeeCode, 50, true) ??
      (EMPLOYEE_CODE.test(row.employeeCode)
        ? null
        : "employeeCode may use letters, digits, '.', '_', '/' and '-' only"),
    textProblem('fullName', row.fullName, 200, true),
    textProblem('email', row.email, 254, true) ??
      (ASCII_EMAIL.test(row.email) && isEmail(row.email)
        ? null
        : `email "${row.email}" is not a valid address`),
    textProblem('orgUnitCode', row.orgUnitCode, 50, true),
    textProblem('position', row.position ?? '', 100, false),
    textProblem('jobGrade', row.jobGrade ?? '', 50, false),
  ].filter((problem): problem is string => problem !== null);
  return problems.length ? { line, message: problems.join('; ') } : row;
}

export const isLineError = <T extends object>(value: T | LineError): value is LineError =>
  'message' in value;
