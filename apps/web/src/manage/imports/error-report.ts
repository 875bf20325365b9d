import { csvFile } from '../csv-file';
import type { StaffImport } from './queries';

/** The import's line errors as a CSV (line, message), headed in the page's language. */
export function errorReport(report: StaffImport, headers: { line: string; message: string }): Blob {
  return csvFile(
    [headers.line, headers.message],
    report.errors.map((error) => [error.line, error.message]),
  );
}
