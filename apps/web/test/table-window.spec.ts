import { spacerRowsBefore } from '../src/components/table-window';

/** The position (1-based, as nth-of-type counts) the row at `index` takes in a drawn window. */
const drawnPosition = (first: number, index: number) =>
  spacerRowsBefore(first) + (index - first) + 1;

describe('the window of a long table', () => {
  it('puts no spacer before the first row of the table', () => {
    expect(spacerRowsBefore(0)).toBe(0);
  });

  it('keeps every drawn row on the stripe it has in the whole table', () => {
    for (let first = 0; first < 40; first += 1)
      for (let index = first; index < first + 25; index += 1)
        expect(drawnPosition(first, index) % 2).toBe((index + 1) % 2);
  });

  it('always leaves a spacer to hold the rows above once the top is scrolled away', () => {
    for (let first = 1; first < 40; first += 1)
      expect(spacerRowsBefore(first)).toBeGreaterThanOrEqual(1);
  });
});
