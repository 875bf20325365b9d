import { parse } from 'csv-parse/sync';

/** One record of a CSV file and the line it ends on (the header is line 1). */
export interface CsvTextRecord {
  cells: string[];
  lastLine: number;
}

/**
 * Reads a whole uploaded CSV file at once: UTF-8 with or without a byte-order mark, `,` or `;`
 * as the first line uses more, cells trimmed, blank lines skipped. The records in order (the
 * header first), or why the file cannot be read at all. Large files stream instead (the staff
 * import's `readCsvRecords`).
 */
export function readCsvText(content: Buffer): { records: CsvTextRecord[] } | { failure: string } {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) return { failure: 'The file is not UTF-8 text' };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      records: records.map(({ record, info }) => ({ cells: record, lastLine: info.lines })),
    };
  } catch (error) {
    return {
      failure: `The file is not well-formed CSV: ${error instanceof Error ? error.message : 'unreadable'}`,
    };
  }
}
