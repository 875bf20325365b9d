import { WatchedIntervals } from './watched-intervals';

const of = (...intervals: [number, number][]) => WatchedIntervals.of(intervals);

describe('WatchedIntervals', () => {
  it('merges overlapping and touching intervals, and counts each second once', () => {
    const watched = of([0, 10], [5, 15], [15, 20], [30, 40]);
    expect(watched.intervals).toEqual([
      [0, 20],
      [30, 40],
    ]);
    expect(watched.seconds).toBe(30);
  });

  it('gives the same result whatever order the intervals come in', () => {
    const inOrder = of([0, 10], [10, 20], [40, 50]);
    const shuffled = of([40, 50], [10, 20], [0, 10]);
    expect(shuffled.intervals).toEqual(inOrder.intervals);
  });

  it('drops empty and reversed intervals', () => {
    expect(of([5, 5], [9, 3]).intervals).toEqual([]);
    expect(of([5, 5], [9, 3]).seconds).toBe(0);
  });

  it('keeps one copy of duplicate intervals', () => {
    expect(of([0, 10], [0, 10], [0, 10]).seconds).toBe(10);
  });

  it('clips to the duration, and below zero', () => {
    expect(of([-5, 10], [50, 70], [80, 90]).clip(60).intervals).toEqual([
      [0, 10],
      [50, 60],
    ]);
  });

  it('finds the seconds not yet covered', () => {
    const covered = of([10, 20], [30, 40]);
    expect(of([0, 50]).minus(covered).intervals).toEqual([
      [0, 10],
      [20, 30],
      [40, 50],
    ]);
    expect(of([12, 18]).minus(covered).intervals).toEqual([]);
    expect(of([15, 35]).minus(covered).intervals).toEqual([[20, 30]]);
    expect(of([0, 5]).minus(WatchedIntervals.EMPTY).intervals).toEqual([[0, 5]]);
  });

  it('takes the earliest seconds first', () => {
    const gaps = of([0, 3], [10, 20]);
    expect(gaps.first(5).intervals).toEqual([
      [0, 3],
      [10, 12],
    ]);
    expect(gaps.first(0).seconds).toBe(0);
    expect(gaps.first(100).seconds).toBe(13);
  });

  it('unites two values', () => {
    expect(of([0, 10]).union(of([10, 15], [20, 25])).intervals).toEqual([
      [0, 15],
      [20, 25],
    ]);
  });

  it('round-trips through the stored form in 8 bytes an interval', () => {
    const watched = of([0, 125], [300, 4_000_000]);
    const stored = watched.encode();
    expect(stored.length).toBe(16);
    expect(WatchedIntervals.decode(stored).intervals).toEqual(watched.intervals);
    expect(WatchedIntervals.decode(null).seconds).toBe(0);
    expect(() => WatchedIntervals.decode(Buffer.alloc(5))).toThrow(/multiple of 8/);
  });

  it('says whether an interval is fully covered', () => {
    const watched = of([0, 10], [20, 30]);
    expect(watched.includes([2, 8])).toBe(true);
    expect(watched.includes([8, 22])).toBe(false);
    expect(watched.includes([5, 5])).toBe(true);
  });
});
