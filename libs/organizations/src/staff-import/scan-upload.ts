import { type CsvItem, readCsvRecords } from './csv-records';
import { decodeUtf8 } from './utf8-text';

/** What a quick look at the whole file shows before any row is read for real. */
export interface UploadScan {
  /** The first record: the header, or why it cannot be read. */
  header: CsvItem | undefined;
  /** Non-blank lines after the header: the row count, known before parsing. */
  dataLines: number;
}

const NOT_BLANK = /\S/;

/** Counts non-blank lines of text arriving in pieces, and keeps the first one. */
class LineTally {
  lines = 0;
  firstLine: string | undefined;
  private partial = '';

  add(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.count(line);
    // A long last line is carried only as far as deciding whether it is blank needs.
    if (this.firstLine !== undefined && NOT_BLANK.test(this.partial)) this.partial = 'x';
  }

  end(): void {
    this.count(this.partial);
    this.partial = '';
  }

  private count(line: string): void {
    if (!NOT_BLANK.test(line)) return;
    this.lines += 1;
    this.firstLine ??= line;
  }
}

/**
 * Checks a file is UTF-8 and counts its lines with the platform decoder, without parsing CSV
 * (the import parses once). On a bad byte, or a U+FFFD that only an earlier broken conversion
 * leaves, the file is decoded again the careful way, which throws InvalidUtf8Error naming the
 * line and byte offset.
 */
export async function scanUpload(read: () => AsyncIterable<Buffer>): Promise<UploadScan> {
  const tally = new LineTally();
  if (!(await decodesCleanly(read(), (text) => tally.add(text)))) {
    const careful = decodeUtf8(read());
    while (!(await careful.next()).done) {
      // Reading on until decodeUtf8 throws at the first bad byte.
    }
    throw new Error('The file failed UTF-8 decoding, but no bad byte was found again');
  }
  tally.end();
  const header = await readCsvRecords([Buffer.from(tally.firstLine ?? '', 'utf8')]).next();
  return {
    header: header.done ? undefined : header.value,
    dataLines: Math.max(tally.lines - 1, 0),
  };
}

/** Feeds the decoded text on; false at the first byte that is not UTF-8 (or a U+FFFD). */
async function decodesCleanly(
  chunks: AsyncIterable<Buffer>,
  onText: (text: string) => void,
): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer): string | null => {
    try {
      const text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      return text.includes('\uFFFD') ? null : text;
    } catch {
      // The fatal decoder's TypeError comes from another realm under jest: any throw is a bad byte.
      return null;
    }
  };
  for await (const chunk of chunks) {
    const text = decode(chunk);
    if (text === null) return false;
    onText(text);
  }
  const rest = decode();
  if (rest === null) return false;
  onText(rest);
  return true;
}
