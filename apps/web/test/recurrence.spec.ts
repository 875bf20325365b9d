import {
  type RecurrenceDraft,
  recurrenceProblem,
  seriesDays,
  toRrule,
} from '../src/studio/television/recurrence';
import { zonedSlot } from '../src/studio/television/slot';

const weekly = (change: Partial<RecurrenceDraft> = {}): RecurrenceDraft => ({
  frequency: 'weekly',
  weekdays: [0, 2],
  end: 'count',
  count: 4,
  until: '',
  ...change,
});

describe('the recurrence builder', () => {
  it('makes a weekly RRULE on the chosen days and lists the days it will air', () => {
    // 2026-12-07 is a Monday.
    expect(toRrule(weekly())).toBe('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4');
    expect(seriesDays(weekly(), '2026-12-07')).toEqual([
      '2026-12-07',
      '2026-12-09',
      '2026-12-14',
      '2026-12-16',
    ]);
  });

  it('ends on a date as the api reads UNTIL: the whole last day on the wall clock', () => {
    const draft: RecurrenceDraft = {
      ...weekly(),
      frequency: 'daily',
      end: 'until',
      until: '2026-12-10',
    };
    expect(toRrule(draft)).toBe('FREQ=DAILY;UNTIL=20261210T235959Z');
    expect(seriesDays(draft, '2026-12-07')).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
    ]);
  });

  it('sends no recurrence for a single airing', () => {
    expect(toRrule(weekly({ frequency: 'none' }))).toBeUndefined();
    expect(seriesDays(weekly({ frequency: 'none' }), '2026-12-07')).toEqual(['2026-12-07']);
  });

  it('refuses what the api refuses, before anything is sent', () => {
    expect(recurrenceProblem(weekly({ weekdays: [] }), '2026-12-07')).toBe('noWeekday');
    expect(recurrenceProblem(weekly({ weekdays: [2] }), '2026-12-07')).toBe('firstDayNotChosen');
    expect(recurrenceProblem(weekly({ count: 201 }), '2026-12-07')).toBe('countRange');
    expect(recurrenceProblem(weekly({ end: 'until', until: '2026-12-01' }), '2026-12-07')).toBe(
      'untilBeforeFirst',
    );
    expect(recurrenceProblem(weekly({ end: 'until', until: '2028-01-01' }), '2026-12-07')).toBe(
      'untilTooFar',
    );
    expect(
      recurrenceProblem(
        { ...weekly(), frequency: 'daily', end: 'until', until: '2027-12-01' },
        '2026-12-07',
      ),
    ).toBe('tooMany');
    expect(recurrenceProblem(weekly(), '2026-12-07')).toBeNull();
  });
});

describe('an airing typed in the person’s zone', () => {
  it('becomes the api’s instants', () => {
    expect(zonedSlot('2026-12-07', '19:00', '19:45', 'Asia/Ho_Chi_Minh')).toEqual({
      ok: true,
      startsAt: '2026-12-07T12:00:00.000Z',
      endsAt: '2026-12-07T12:45:00.000Z',
    });
  });

  it('names the field that is wrong', () => {
    expect(zonedSlot('2026-12-07', '19:00', '18:00', 'Asia/Ho_Chi_Minh')).toMatchObject({
      field: 'end',
      problem: 'endBeforeStart',
    });
    expect(zonedSlot('', '19:00', '20:00', 'Asia/Ho_Chi_Minh')).toMatchObject({ field: 'day' });
  });
});
