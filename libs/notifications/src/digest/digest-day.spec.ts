import { dueDigestDate, localMoment } from './digest-day';

const HCM = 'Asia/Ho_Chi_Minh';

describe('localMoment', () => {
  it('reads the date and hour on the local wall clock', () => {
    expect(localMoment(new Date('2026-11-29T23:30:00Z'), HCM)).toEqual({
      date: '2026-11-30',
      hour: 6,
    });
    expect(localMoment(new Date('2026-11-29T23:30:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-11-30',
      hour: 0,
    });
  });
});

describe('dueDigestDate', () => {
  it('is nothing before the digest hour', () => {
    expect(dueDigestDate(new Date('2026-11-29T23:59:59Z'), HCM, 7)).toBeNull();
  });

  it('is the local day from the digest hour to midnight', () => {
    expect(dueDigestDate(new Date('2026-11-30T00:00:00Z'), HCM, 7)).toBe('2026-11-30');
    expect(dueDigestDate(new Date('2026-11-30T16:59:59Z'), HCM, 7)).toBe('2026-11-30');
    expect(dueDigestDate(new Date('2026-11-30T17:00:00Z'), HCM, 7)).toBeNull();
  });

  it('follows each person’s own zone', () => {
    const now = new Date('2026-11-30T06:30:00Z');
    expect(dueDigestDate(now, HCM, 7)).toBe('2026-11-30');
    expect(dueDigestDate(now, 'Europe/Paris', 7)).toBe('2026-11-30');
    expect(dueDigestDate(now, 'America/New_York', 7)).toBeNull();
  });
});
