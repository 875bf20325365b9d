import { detectDelimiter, readHeader, readStaffRow, type StaffCsvLayout } from './staff-csv';

const layout = readHeader([
  'employeeCode',
  'fullName',
  'email',
  'orgUnitCode',
  'position',
  'jobGrade',
]) as StaffCsvLayout;

describe('staff CSV rules', () => {
  it('detects the delimiter from the header line only', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3;4')).toBe(',');
  });

  it('accepts the columns in any order and any case', () => {
    expect(
      readHeader(['EMAIL', 'employeecode', 'fullName', 'orgUnitCode', 'jobGrade', 'position']),
    ).toEqual({
      email: 0,
      employeeCode: 1,
      fullName: 2,
      orgUnitCode: 3,
      jobGrade: 4,
      position: 5,
    });
  });

  it('names missing and unexpected header columns', () => {
    expect(
      readHeader(['employeeCode', 'fullName', 'email', 'orgUnitCode', 'position', 'salary']),
    ).toEqual({
      problem:
        'The header row has missing column(s) jobGrade and unexpected column(s) salary; expected employeeCode,fullName,email,orgUnitCode,position,jobGrade',
    });
  });

  it('normalizes a valid row, keeping SQL metacharacters and emoji as data', () => {
    const row = readStaffRow(
      ['NV-001', ' O\'Brien"; DROP TABLE users;-- 😀 ', 'An.Nguyen@Example.VN', 'BO-01', '', 'A1'],
      layout,
      2,
    );
    expect(row).toEqual({
      line: 2,
      employeeCode: 'NV-001',
      fullName: 'O\'Brien"; DROP TABLE users;-- 😀',
      email: 'an.nguyen@example.vn',
      orgUnitCode: 'BO-01',
      position: null,
      jobGrade: 'A1',
    });
  });

  it('lists every problem of a line together', () => {
    expect(readStaffRow(["x'1", '', 'not-an-email', 'BO-01', '', ''], layout, 7)).toEqual({
      line: 7,
      message:
        "employeeCode may use letters, digits, '.', '_', '/' and '-' only; fullName is required; email \"not-an-email\" is not a valid address",
    });
  });

  it('refuses missing and extra fields', () => {
    expect(readStaffRow(['a', 'b'], layout, 3)).toEqual({
      line: 3,
      message: 'expected 6 fields, found 2',
    });
    expect(readStaffRow(['1', '2', 'a@b.vn', '4', '5', '6', '7'], layout, 4)).toMatchObject({
      message: 'expected 6 fields, found 7',
    });
  });
});
