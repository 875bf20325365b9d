import { Readable } from 'node:stream';
import { type Info, type Options, parse } from 'csv-parse';
import { detectDelimiter, type LineError } from './staff-csv';
import { decodeUtf8 } from './utf8-text';

/** One CSV record with the line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvItem = CsvRecord | LineError;

async function* startingWith(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

interface ParsedRecord {
  record: string[];
  info: Info;
}

const newlines = (fields: readonly string[]): number =>
  fields.reduce((sum, field) => sum + field.split('\n').length - 1, 0);

/**
 * Streams a file's CSV records in order, the header first: UTF-8 with or without a byte-order
 * mark (invalid bytes throw InvalidUtf8Error), `,` or `;` as the header shows, blank lines
 * skipped. A record the parser cannot read becomes a LineError in its place; reading goes on.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
): AsyncGenerator<CsvItem> {
  const text = decodeUtf8(chunks);
  const first = await text.next();
  if (first.done) return;
  const malformed: LineError[] = [];
  let lastLine = 0;
  const options: Options = {
    delimiter: detectDelimiter(first.value),
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    skip_records_with_error: true,
    info: true,
    on_record: (fields, context) => {
      lastLine = context.lines;
      return fields;
    },
    on_skip: (error) => {
      const reason =
        error?.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : error?.message;
      malformed.push({
        line: lastLine + 1,
        message: `not well-formed CSV: ${reason ?? 'unreadable'}`,
      });
      return undefined;
    },
  };
  const parser = parse(options);
  const source = Readable.from(startingWith(first.value, text));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { record: fields, info } of parser as AsyncIterable<ParsedRecord>) {
      const record = { line: info.lines - newlines(fields), fields };
      while (malformed[0] && malformed[0].line < record.line) yield* malformed.splice(0, 1);
      yield record;
    }
    yield* malformed;
  } finally {
    source.destroy();
  }
}
