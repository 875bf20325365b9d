import { chosenPeriod, offeredPeriods, periodParts } from '../src/figures/periods';

describe('the periods the figures page offers', () => {
  it('starts with this year and its quarters so far, then earlier years with all four', () => {
    const offered = offeredPeriods(new Date(2026, 7, 15), 2);
    expect(offered).toEqual([
      '2026',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
  });

  it('takes the period in the address only when it is offered, else this year', () => {
    const offered = offeredPeriods(new Date(2026, 0, 2));
    expect(chosenPeriod('2025-Q4', offered)).toBe('2025-Q4');
    expect(chosenPeriod('2026-Q2', offered)).toBe('2026'); // not begun yet
    expect(chosenPeriod('2026-Q5', offered)).toBe('2026');
    expect(chosenPeriod(null, offered)).toBe('2026');
  });

  it('names a year and a quarter by their parts', () => {
    expect(periodParts('2026')).toEqual({ year: '2026' });
    expect(periodParts('2026-Q3')).toEqual({ year: '2026', quarter: '3' });
  });
});
