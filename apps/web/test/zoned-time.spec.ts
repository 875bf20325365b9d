import { fromZonedInput, toZonedInput } from '../src/studio/zoned-time';

describe('wall times in the person’s time zone', () => {
  it('reads a Hanoi wall time as the UTC instant seven hours earlier, and back', () => {
    expect(fromZonedInput('2026-12-07T19:30', 'Asia/Ho_Chi_Minh')).toBe('2026-12-07T12:30:00.000Z');
    expect(toZonedInput('2026-12-07T12:30:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-07T19:30');
  });

  it('follows a zone with daylight saving on either side of the change', () => {
    expect(fromZonedInput('2026-07-01T09:00', 'Europe/Paris')).toBe('2026-07-01T07:00:00.000Z');
    expect(fromZonedInput('2026-01-15T09:00', 'Europe/Paris')).toBe('2026-01-15T08:00:00.000Z');
    expect(toZonedInput('2026-07-01T07:00:00.000Z', 'Europe/Paris')).toBe('2026-07-01T09:00');
  });

  it('keeps a date across midnight and answers nothing for an empty field', () => {
    expect(fromZonedInput('2026-12-08T03:00', 'Asia/Ho_Chi_Minh')).toBe('2026-12-07T20:00:00.000Z');
    expect(fromZonedInput('', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(fromZonedInput('07/12/2026', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(toZonedInput(null, 'Asia/Ho_Chi_Minh')).toBe('');
  });
});
