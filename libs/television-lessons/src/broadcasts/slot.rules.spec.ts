import { CODE_ALPHABET, newAttendanceCode, normalizeCode } from './attendance-code';
import { firstSelfOverlap, parseOffsetTime, slotProblem } from './slot.rules';

describe('parseOffsetTime', () => {
  it('takes times with Z or an explicit offset', () => {
    expect(parseOffsetTime('2026-12-01T19:00:00+07:00')?.toISOString()).toBe(
      '2026-12-01T12:00:00.000Z',
    );
    expect(parseOffsetTime('2026-12-01T12:00:00.000Z')?.toISOString()).toBe(
      '2026-12-01T12:00:00.000Z',
    );
  });

  it.each([
    '2026-12-01T19:00:00',
    '2026-12-01 19:00:00+07:00',
    '2026-12-01T19:00:00+7',
    '2026-12-01T19:00:00+25:00',
    '2026-02-30T19:00:00Z',
    'tomorrow',
  ])('refuses %s', (value) => {
    expect(parseOffsetTime(value)).toBeNull();
  });
});

describe('slot rules', () => {
  const at = (iso: string): Date => new Date(iso);

  it('refuses an end before the start, and a 30-hour slot', () => {
    expect(slotProblem(at('2026-12-01T12:00:00Z'), at('2026-12-01T11:00:00Z'))).toMatchObject({
      tooLong: false,
    });
    expect(slotProblem(at('2026-12-01T12:00:00Z'), at('2026-12-02T18:00:00Z'))).toMatchObject({
      tooLong: true,
    });
    expect(slotProblem(at('2026-12-01T12:00:00Z'), at('2026-12-01T12:45:00Z'))).toBeNull();
  });

  it('finds slots of one list that overlap; touching slots do not', () => {
    const slot = (start: string, end: string) => ({ startsAt: at(start), endsAt: at(end) });
    expect(
      firstSelfOverlap([
        slot('2026-12-01T12:00:00Z', '2026-12-01T13:00:00Z'),
        slot('2026-12-01T13:00:00Z', '2026-12-01T14:00:00Z'),
      ]),
    ).toBeNull();
    expect(
      firstSelfOverlap([
        slot('2026-12-01T12:00:00Z', '2026-12-01T13:00:00Z'),
        slot('2026-12-01T12:30:00Z', '2026-12-01T14:00:00Z'),
      ]),
    ).not.toBeNull();
  });
});

describe('attendance codes', () => {
  it('are six characters with no look-alikes, read back case- and space-insensitively', () => {
    const codes = Array.from({ length: 200 }, newAttendanceCode);
    expect(codes.every((code) => code.length === 6)).toBe(true);
    expect(codes.join('')).toMatch(new RegExp(`^[${CODE_ALPHABET}]+$`));
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL25SZ8B6G]/);
    expect(normalizeCode(' ack-7x3 ')).toBe('ACK7X3');
  });
});
