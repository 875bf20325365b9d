import { NUMBER_MARKS, plainNumber } from '../src/plain-number';

const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

// Counts, hours and percentages as pages show them, and the awkward cases of rounding: halves
// whose binary form is just under (1.15, 0.15), carries (9.96 → 10), signs and large numbers.
const VALUES = [
  0,
  -0,
  1,
  7,
  12,
  999,
  1000,
  1234,
  9999,
  10_000,
  123_456,
  1_234_567,
  987_654_321,
  2 ** 40,
  0.05,
  0.15,
  0.25,
  0.35,
  1.05,
  1.15,
  1.25,
  2.675,
  9.95,
  9.96,
  99.95,
  16.666_666,
  94.2,
  94.25,
  1234.45,
  1234.55,
  0.001,
  0.0049,
  -0.01,
  -1.5,
  -1.25,
  -1234.56,
  -0.05,
  1e-7,
  123_456_789.123,
];

describe('plainNumber', () => {
  for (const [language, locale] of Object.entries(LOCALES) as [keyof typeof LOCALES, string][])
    for (const digits of [0, 1, 2])
      it(`writes numbers as Intl.NumberFormat(${locale}) with ${digits} fraction digits`, () => {
        const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
        const random = Array.from({ length: 2_000 }, (_, i) => {
          const scale = 10 ** ((i % 9) - 2);
          return Math.round(Math.sin(i * 7919) * 1e6 * scale) / 1000;
        });
        for (const value of [...VALUES, ...random])
          expect([value, plainNumber(value, digits, NUMBER_MARKS[language])]).toEqual([
            value,
            intl.format(value),
          ]);
      });

  it('leaves to Intl what it cannot write exactly', () => {
    for (const value of [NaN, Infinity, -Infinity, 1e16, 2 ** 53])
      expect(plainNumber(value, 1, NUMBER_MARKS.vi)).toBeUndefined();
  });
});
