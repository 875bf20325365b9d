import { stringify, type Stringifier } from 'csv-stringify';

/** What a spreadsheet reads as the start of a formula (or of a DDE call) in a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet must see it: text starting like a formula (`=`, `+`, `-`, `@`,
 * tab, CR) gets a leading `'`, so `=HYPERLINK(…)` in a unit's name stays text when the CSV is
 * opened (OWASP, CSV injection). Only text is escaped: a number (`-2` as a count) is a value the
 * platform computed, not something a user typed, and stays a number.
 */
export function spreadsheetSafeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one CSV encoder for everything the platform writes for people to open (exports, reports):
 * a header line, the given columns in order, and every text cell passed through
 * {@link spreadsheetSafeText}. Records are objects written in object mode.
 */
export function csvWriter(columns: readonly string[]): Stringifier {
  return stringify({
    header: true,
    columns: [...columns],
    cast: { string: (value) => spreadsheetSafeText(value) },
  });
}
