import { addDays, daysBetween, vietnamDay, weightedTotal } from './inspection-rules';

describe('weightedTotal', () => {
  it('averages the scores by weight, to one decimal', () => {
    expect(
      weightedTotal([
        { weight: 3, score: 80 },
        { weight: 1, score: 40 },
      ]),
    ).toBe(70);
    expect(
      weightedTotal([
        { weight: 2, score: 77 },
        { weight: 1, score: 50 },
      ]),
    ).toBe(68);
    expect(
      weightedTotal([
        { weight: 1, score: 1 },
        { weight: 2, score: 0 },
      ]),
    ).toBe(0.3);
  });

  it('has no result while a criterion has no score', () => {
    expect(
      weightedTotal([
        { weight: 1, score: 90 },
        { weight: 1, score: null },
      ]),
    ).toBeNull();
    expect(weightedTotal([])).toBeNull();
  });
});

describe('days in Vietnam', () => {
  it('turns the day at midnight in Hanoi, not in UTC', () => {
    expect(vietnamDay(new Date('2026-12-07T16:59:59Z'))).toBe('2026-12-07');
    expect(vietnamDay(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08');
  });

  it('counts and adds whole days across months', () => {
    expect(daysBetween('2026-12-25', '2027-01-01')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2027-01-02', '2027-01-01')).toBe(-1);
  });
});
