import { expandRecurrence, type Slot } from './recurrence';

const VN = 'Asia/Ho_Chi_Minh';
// Mondays 19:00–19:45 in Hà Nội.
const first: Slot = {
  startsAt: new Date('2026-12-07T12:00:00.000Z'),
  endsAt: new Date('2026-12-07T12:45:00.000Z'),
};

describe('expandRecurrence', () => {
  it('expands a weekly rule for ten weeks, keeping the local time and the slot length', () => {
    const slots = expandRecurrence('FREQ=WEEKLY;COUNT=10', first, VN);
    expect(Array.isArray(slots) && slots.length).toBe(10);
    const list = slots as Slot[];
    expect(list[0]).toEqual(first);
    expect(list[9]!.startsAt.toISOString()).toBe('2027-02-08T12:00:00.000Z');
    expect(list.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 45 * 60_000)).toBe(true);
  });

  it('reads BYDAY on the local calendar (06:00 Monday local is Sunday in UTC)', () => {
    const early = {
      startsAt: new Date('2026-12-06T23:00:00.000Z'),
      endsAt: new Date('2026-12-06T23:30:00.000Z'),
    };
    const slots = expandRecurrence('RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4', early, VN) as Slot[];
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-06T23:00:00.000Z',
      '2026-12-08T23:00:00.000Z',
      '2026-12-13T23:00:00.000Z',
      '2026-12-15T23:00:00.000Z',
    ]);
  });

  it('keeps the wall-clock time across a daylight-saving change in a zone that has one', () => {
    const berlin = {
      startsAt: new Date('2026-03-23T18:00:00.000Z'), // 19:00 CET
      endsAt: new Date('2026-03-23T19:00:00.000Z'),
    };
    const slots = expandRecurrence('FREQ=WEEKLY;COUNT=2', berlin, 'Europe/Berlin') as Slot[];
    expect(slots[1]!.startsAt.toISOString()).toBe('2026-03-30T17:00:00.000Z'); // 19:00 CEST
  });

  it('refuses rules that never end, run too long, or are not RRULEs', () => {
    expect(expandRecurrence('FREQ=WEEKLY', first, VN)).toMatchObject({ kind: 'unbounded' });
    expect(expandRecurrence('FREQ=DAILY;COUNT=201', first, VN)).toMatchObject({ kind: 'too_long' });
    expect(expandRecurrence('FREQ=WEEKLY;UNTIL=20300101T000000Z', first, VN)).toMatchObject({
      kind: 'too_long',
    });
    expect(expandRecurrence('every monday', first, VN)).toMatchObject({ kind: 'malformed' });
    expect(expandRecurrence('FREQ=SOMETIMES;COUNT=2', first, VN)).toMatchObject({
      kind: 'malformed',
    });
  });

  it('accepts UNTIL within a year', () => {
    const slots = expandRecurrence('FREQ=DAILY;UNTIL=20261210T235959Z', first, VN) as Slot[];
    expect(slots).toHaveLength(4);
  });
});
