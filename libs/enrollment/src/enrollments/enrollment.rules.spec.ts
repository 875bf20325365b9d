import { countedLessonIds, isWindowOpen, progressPercent, seatFor } from './enrollment.rules';

const at = (iso: string): Date => new Date(iso);

describe('the enrollment window', () => {
  const window = { opensAt: at('2026-12-01T00:00:00Z'), closesAt: at('2026-12-15T00:00:00Z') };

  it('opens at opensAt and closes at closesAt', () => {
    expect(isWindowOpen(window, at('2026-11-30T23:59:59.999Z'))).toBe(false);
    expect(isWindowOpen(window, at('2026-12-01T00:00:00Z'))).toBe(true);
    expect(isWindowOpen(window, at('2026-12-14T23:59:59.999Z'))).toBe(true);
    expect(isWindowOpen(window, at('2026-12-15T00:00:00Z'))).toBe(false);
  });

  it('is open at an end that is not set', () => {
    expect(isWindowOpen({ opensAt: null, closesAt: null }, at('2030-01-01T00:00:00Z'))).toBe(true);
    expect(isWindowOpen({ opensAt: null, closesAt: window.closesAt }, at('2020-01-01'))).toBe(true);
    expect(isWindowOpen({ opensAt: window.opensAt, closesAt: null }, at('2040-01-01'))).toBe(true);
  });
});

describe('seats', () => {
  it('gives a seat while one is free, then the waitlist', () => {
    expect(seatFor(2, 0)).toBe('active');
    expect(seatFor(2, 1)).toBe('active');
    expect(seatFor(2, 2)).toBe('waitlisted');
    expect(seatFor(2, 5)).toBe('waitlisted');
  });

  it('never waitlists on a course without a capacity', () => {
    expect(seatFor(null, 10_000)).toBe('active');
  });
});

describe('progress percent', () => {
  it('counts completed required lessons, rounded down', () => {
    expect(progressPercent(0, 3)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(2, 3)).toBe(66);
    expect(progressPercent(3, 3)).toBe(100);
  });

  it('is 0 for a course without required lessons', () => {
    expect(progressPercent(0, 0)).toBe(0);
  });
});

describe('the lessons that complete a course', () => {
  it('are the required ones', () => {
    const lessons = [
      { lessonId: 'a', required: true },
      { lessonId: 'b', required: false },
      { lessonId: 'c', required: true },
    ];
    expect(countedLessonIds(lessons)).toEqual(['a', 'c']);
  });

  it('are all of them when none is marked required', () => {
    expect(
      countedLessonIds([
        { lessonId: 'a', required: false },
        { lessonId: 'b', required: false },
      ]),
    ).toEqual(['a', 'b']);
  });
});
