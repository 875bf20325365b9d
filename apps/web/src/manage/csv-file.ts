type CsvValue = string | number | null;

/**
 * A CSV file as spreadsheet programs open it: UTF-8 with a byte-order mark (so Excel reads
 * Vietnamese), comma-separated, every field quoted when it needs to be. A field starting with
 * `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet never runs it as a formula.
 */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): Blob {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
}

function csvField(value: CsvValue): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
