import { addMonths } from './calendar';

describe('addMonths', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-12-01T08:30:00.000Z'), 24).toISOString()).toBe(
      '2028-12-01T08:30:00.000Z',
    );
    expect(addMonths(new Date('2027-01-31T00:00:00.000Z'), 1).toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(addMonths(new Date('2027-08-31T12:00:00.000Z'), 6).toISOString()).toBe(
      '2028-02-29T12:00:00.000Z',
    );
  });
});
