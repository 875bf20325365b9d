import { MonitoringError } from '../monitoring-error';
import { parsePeriod, periodsOf } from './period';

describe('reporting periods', () => {
  it('reads a year and a quarter as ranges in Vietnam time', () => {
    expect(parsePeriod('2026')).toEqual({
      code: '2026',
      start: new Date('2025-12-31T17:00:00.000Z'),
      end: new Date('2026-12-31T17:00:00.000Z'),
    });
    expect(parsePeriod('2026-Q4')).toEqual({
      code: '2026-Q4',
      start: new Date('2026-09-30T17:00:00.000Z'),
      end: new Date('2026-12-31T17:00:00.000Z'),
    });
  });

  it.each(['2026-Q5', '2026-Q0', '20266', '2026-q1', '26', '2026-03', '', ' 2026', '0999'])(
    'refuses %p with INVALID_PERIOD',
    (code) => {
      expect(() => parsePeriod(code)).toThrow(MonitoringError);
      expect(() => parsePeriod(code)).toThrow(
        'period must be a year (2026) or a quarter (2026-Q3)',
      );
    },
  );

  it('refuses a missing period', () => {
    let refusal: unknown;
    try {
      parsePeriod(undefined);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'INVALID_PERIOD', details: { period: null } });
  });

  it('places an instant in the year and quarter of the country, not of UTC', () => {
    expect(periodsOf(new Date('2026-12-31T18:00:00.000Z'))).toEqual(['2027', '2027-Q1']);
    expect(periodsOf(new Date('2026-06-30T16:59:59.999Z'))).toEqual(['2026', '2026-Q2']);
    expect(periodsOf(new Date('2026-06-30T17:00:00.000Z'))).toEqual(['2026', '2026-Q3']);
  });
});
