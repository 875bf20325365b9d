import {
  compliantPercent,
  dueAtFor,
  expiresAtFor,
  isMonthDay,
  isPeriod,
  nextMonthDay,
  requirementFieldProblems,
  requirementProblems,
  toRules,
} from './requirement.rules';

const base = { title: 'An toàn thông tin', courseId: 'c', orgUnitId: 'u' };

describe('requirement input', () => {
  it('refuses dueDays and dueDate together', () => {
    expect(requirementProblems({ ...base, dueDays: 30, dueDate: '2027-01-01' })).toEqual([
      'dueDays and dueDate are exclusive: give one of them',
    ]);
    // Under the field a form shows it next to.
    expect(requirementFieldProblems({ ...base, dueDays: 30, dueDate: '2027-01-01' })).toEqual({
      dueDate: ['dueDays and dueDate are exclusive: give one of them'],
    });
    expect(
      Object.keys(requirementFieldProblems({ ...base, recurrence: { annualOn: '02-30' } })),
    ).toEqual(['recurrence.annualOn']);
  });

  it('refuses an annualOn day that never exists, accepts 02-29', () => {
    expect(requirementProblems({ ...base, recurrence: { annualOn: '02-30' } })).toHaveLength(1);
    expect(requirementProblems({ ...base, recurrence: { annualOn: '13-01' } })).toHaveLength(1);
    expect(requirementProblems({ ...base, recurrence: { annualOn: '02-29' } })).toEqual([]);
    expect(isMonthDay('04-31')).toBe(false);
    expect(isMonthDay('12-31')).toBe(true);
  });

  it('refuses both recurrences at once', () => {
    expect(
      requirementProblems({ ...base, recurrence: { everyMonths: 12, annualOn: '01-15' } }),
    ).toHaveLength(1);
  });

  it('fills defaults: whole subtree, reminders 14 and 3, a window only when recurring', () => {
    const once = toRules({ ...base, dueDays: 30 });
    expect(once).toMatchObject({ includeDescendants: true, reminderDays: [14, 3], windowDays: 0 });
    expect(toRules({ ...base, recurrence: { everyMonths: 12 } }).windowDays).toBe(30);
    expect(toRules({ ...base, reminderDays: [3, 7, 3] }).reminderDays).toEqual([7, 3]);
  });
});

describe('due and expiry', () => {
  const at = new Date('2026-01-31T10:00:00.000Z');

  it('is due N days after assignment, on the fixed date, or never', () => {
    expect(dueAtFor({ dueDays: 10, dueDate: null }, at)?.toISOString()).toBe(
      '2026-02-10T10:00:00.000Z',
    );
    const fixed = new Date('2026-06-30T00:00:00.000Z');
    expect(dueAtFor({ dueDays: null, dueDate: fixed }, at)).toEqual(fixed);
    expect(dueAtFor({ dueDays: null, dueDate: null }, at)).toBeNull();
  });

  it('expires N months after completion (clamping month ends), never when once', () => {
    expect(expiresAtFor({ everyMonths: 1, annualOn: null }, at)?.toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(expiresAtFor({ everyMonths: 12, annualOn: null }, at)?.toISOString()).toBe(
      '2027-01-31T10:00:00.000Z',
    );
    expect(expiresAtFor({ everyMonths: null, annualOn: null }, at)).toBeNull();
  });

  it('expires on the next annual day strictly after completion', () => {
    expect(nextMonthDay('03-01', at).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(nextMonthDay('01-15', at).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(nextMonthDay('02-29', at).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('reports', () => {
  it('validates periods', () => {
    for (const good of ['2026', '2026-Q4', '2026-01', '2026-12']) expect(isPeriod(good)).toBe(true);
    for (const bad of ['2026-Q5', '2026-13', '26-Q1', '2026-1', ''])
      expect(isPeriod(bad)).toBe(false);
  });

  it('rounds the compliant share and answers 0 for nobody', () => {
    expect(compliantPercent(0, 0)).toBe(0);
    expect(compliantPercent(1, 3)).toBe(33.3);
    expect(compliantPercent(2, 3)).toBe(66.7);
    expect(compliantPercent(1, 6)).toBe(16.7);
    expect(compliantPercent(5, 5)).toBe(100);
    expect(compliantPercent(199_999, 200_000)).toBe(100);
    expect(compliantPercent(1, 200_000)).toBe(0);
  });
});
