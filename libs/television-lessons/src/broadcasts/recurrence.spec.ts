import { THREAD_BUDGET_MS, WORKER_BUDGET_MS } from './bounded-expansion';
import { expandRecurrence, type Slot } from './recurrence';

const VN = 'Asia/Ho_Chi_Minh';
// Mondays 19:00–19:45 in Hà Nội.
const first: Slot = {
  startsAt: new Date('2026-12-07T12:00:00.000Z'),
  endsAt: new Date('2026-12-07T12:45:00.000Z'),
};

describe('expandRecurrence', () => {
  it('expands a weekly rule for ten weeks, keeping the local time and the slot length', async () => {
    const slots = await expandRecurrence('FREQ=WEEKLY;COUNT=10', first, VN);
    expect(Array.isArray(slots) && slots.length).toBe(10);
    const list = slots as Slot[];
    expect(list[0]).toEqual(first);
    expect(list[9]!.startsAt.toISOString()).toBe('2027-02-08T12:00:00.000Z');
    expect(list.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 45 * 60_000)).toBe(true);
  });

  it('reads BYDAY on the local calendar (06:00 Monday local is Sunday in UTC)', async () => {
    const early = {
      startsAt: new Date('2026-12-06T23:00:00.000Z'),
      endsAt: new Date('2026-12-06T23:30:00.000Z'),
    };
    const slots = (await expandRecurrence(
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4',
      early,
      VN,
    )) as Slot[];
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-06T23:00:00.000Z',
      '2026-12-08T23:00:00.000Z',
      '2026-12-13T23:00:00.000Z',
      '2026-12-15T23:00:00.000Z',
    ]);
  });

  it('keeps the wall-clock time across a daylight-saving change in a zone that has one', async () => {
    const berlin = {
      startsAt: new Date('2026-03-23T18:00:00.000Z'), // 19:00 CET
      endsAt: new Date('2026-03-23T19:00:00.000Z'),
    };
    const slots = (await expandRecurrence(
      'FREQ=WEEKLY;COUNT=2',
      berlin,
      'Europe/Berlin',
    )) as Slot[];
    expect(slots[1]!.startsAt.toISOString()).toBe('2026-03-30T17:00:00.000Z'); // 19:00 CEST
  });

  it('refuses rules that never end, run too long, or are not RRULEs', async () => {
    expect(await expandRecurrence('FREQ=WEEKLY', first, VN)).toMatchObject({ kind: 'unbounded' });
    expect(await expandRecurrence('FREQ=DAILY;COUNT=201', first, VN)).toMatchObject({
      kind: 'too_long',
    });
    expect(await expandRecurrence('FREQ=WEEKLY;UNTIL=20300101T000000Z', first, VN)).toMatchObject({
      kind: 'too_long',
    });
    expect(await expandRecurrence('every monday', first, VN)).toMatchObject({ kind: 'malformed' });
    expect(await expandRecurrence('FREQ=SOMETIMES;COUNT=2', first, VN)).toMatchObject({
      kind: 'malformed',
    });
  });

  it('accepts UNTIL within a year', async () => {
    const slots = (await expandRecurrence(
      'FREQ=DAILY;UNTIL=20261210T235959Z',
      first,
      VN,
    )) as Slot[];
    expect(slots).toHaveLength(4);
  });

  it.each([
    ['FREQ=HOURLY;INTERVAL=24;BYHOUR=3;COUNT=2', /at most daily/],
    ['FREQ=MINUTELY;INTERVAL=60;BYMINUTE=5;COUNT=2', /at most daily/],
    ['FREQ=SECONDLY;INTERVAL=3600;BYSECOND=5;COUNT=2', /at most daily/],
    ['FREQ=DAILY;BYHOUR=3;COUNT=2', /time of day/],
    ['FREQ=YEARLY;BYEASTER=0;COUNT=2', /BYEASTER/],
    ['FREQ=DAILY;INTERVAL=999999999;COUNT=2', /INTERVAL must be 1 to 366/],
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2', /never makes a slot/],
    ['FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31;COUNT=2', /never makes a slot/],
  ])('refuses %s, which can make no slot, before expanding it', async (rule, message) => {
    const refused = await expandRecurrence(rule, first, VN);
    expect(refused).toMatchObject({ kind: 'malformed' });
    expect((refused as { message: string }).message).toMatch(message);
  });

  it.each([
    'FREQ=WEEKLY;BYSETPOS=5;COUNT=2',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=28;BYDAY=MO;BYSETPOS=2;COUNT=2',
    'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7;COUNT=2',
    'FREQ=DAILY;BYYEARDAY=400;COUNT=2',
  ])('gives up on %s, whose candidates never match, within the time budgets', async (rule) => {
    const started = performance.now();
    const result = await expandRecurrence(rule, first, VN);
    expect(performance.now() - started).toBeLessThan(THREAD_BUDGET_MS + WORKER_BUDGET_MS + 2_000);
    expect(Array.isArray(result)).toBe(false);
  });

  it('still accepts Feb 29 and the 31st of months that have one', async () => {
    expect(await expandRecurrence('FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3', first, VN)).toHaveLength(3);
    expect(
      await expandRecurrence('FREQ=MONTHLY;BYMONTHDAY=-1;BYMONTH=2;COUNT=1', first, VN),
    ).toHaveLength(1);
  });
});
