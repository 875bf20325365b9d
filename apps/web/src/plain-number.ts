/**
 * Writes a number the way `Intl.NumberFormat(locale, { maximumFractionDigits })` does for the
 * app's two languages, without Intl: the first Intl.NumberFormat a page builds costs about 60 ms
 * of ICU set-up (a quarter of a second on a slow phone), in the middle of the first render of
 * every page that shows a count. A test checks this against Intl over many values.
 */
export interface NumberMarks {
  group: string;
  decimal: string;
}

export const NUMBER_MARKS = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
} as const satisfies Record<string, NumberMarks>;

/** Rounds half away from zero on the number's shortest decimal form, as Intl does. */
function roundedDigits(magnitude: number, maximumFractionDigits: number): string {
  // Shifting the shortest decimal form (`1.15e1`) rounds what the person reads (1.15), not the
  // binary value just under it (1.149999…).
  const [mantissa, exponent = '0'] = String(magnitude).split('e');
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + maximumFractionDigits}`));
  const digits = String(scaled).padStart(maximumFractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - maximumFractionDigits);
  const fraction = digits.slice(digits.length - maximumFractionDigits).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * `undefined` when the number is outside what this writes exactly (not finite, or too large for
 * its digits to be written plainly): the caller uses Intl for it.
 */
export function plainNumber(
  value: number,
  maximumFractionDigits: number,
  marks: NumberMarks,
): string | undefined {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude * 10 ** maximumFractionDigits >= 1e15) return undefined;
  const [whole = '0', fraction] = roundedDigits(magnitude, maximumFractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, marks.group);
  const written = fraction ? `${grouped}${marks.decimal}${fraction}` : grouped;
  // Intl keeps the sign of what rounds to zero (-0.01 → "-0"), and of -0 itself.
  return value < 0 || Object.is(value, -0) ? `-${written}` : written;
}
