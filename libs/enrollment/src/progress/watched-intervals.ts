/** A half-open range of whole seconds of a video, `[start, end)`: `[0, 10]` is the first ten. */
export type Interval = readonly [start: number, end: number];

/** Bytes one interval takes in the stored form: two unsigned 32-bit integers. */
const BYTES_PER_INTERVAL = 8;

/**
 * The distinct seconds of a video one learner has watched: sorted, disjoint, non-touching
 * intervals of whole seconds. Immutable; every operation returns a new value. Stored as a
 * compact binary column (8 bytes an interval), so the database never parses it.
 */
export class WatchedIntervals {
  private constructor(readonly intervals: readonly Interval[]) {}

  static readonly EMPTY = new WatchedIntervals([]);

  /** Normalizes any intervals (overlapping, touching, out of order, empty) into one value. */
  static of(intervals: readonly Interval[]): WatchedIntervals {
    const sorted = intervals
      .filter(([start, end]) => end > start)
      .map(([start, end]): Interval => [start, end])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: [number, number][] = [];
    for (const [start, end] of sorted) {
      const last = merged.at(-1);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return new WatchedIntervals(merged);
  }

  /** Reads the stored form; null or empty is nothing watched. */
  static decode(stored: Buffer | null | undefined): WatchedIntervals {
    if (!stored || stored.length === 0) return WatchedIntervals.EMPTY;
    if (stored.length % BYTES_PER_INTERVAL !== 0)
      throw new Error(`Stored intervals have ${stored.length} bytes, not a multiple of 8`);
    const intervals: Interval[] = [];
    for (let offset = 0; offset < stored.length; offset += BYTES_PER_INTERVAL)
      intervals.push([stored.readUInt32BE(offset), stored.readUInt32BE(offset + 4)]);
    return WatchedIntervals.of(intervals);
  }

  /** The stored form: each interval as two big-endian unsigned 32-bit integers. */
  encode(): Buffer {
    const buffer = Buffer.alloc(this.intervals.length * BYTES_PER_INTERVAL);
    this.intervals.forEach(([start, end], i) => {
      buffer.writeUInt32BE(start, i * BYTES_PER_INTERVAL);
      buffer.writeUInt32BE(end, i * BYTES_PER_INTERVAL + 4);
    });
    return buffer;
  }

  /** How many distinct seconds are covered. */
  get seconds(): number {
    return this.intervals.reduce((total, [start, end]) => total + end - start, 0);
  }

  /** Both together. */
  union(other: WatchedIntervals): WatchedIntervals {
    return WatchedIntervals.of([...this.intervals, ...other.intervals]);
  }

  /** Only what lies within `[0, durationSeconds)`. */
  clip(durationSeconds: number): WatchedIntervals {
    return WatchedIntervals.of(
      this.intervals.map(([start, end]): Interval => [
        Math.max(0, start),
        Math.min(durationSeconds, end),
      ]),
    );
  }

  /** The seconds of `this` not already in `covered`. */
  minus(covered: WatchedIntervals): WatchedIntervals {
    const rest: Interval[] = [];
    for (const [start, end] of this.intervals) {
      let from = start;
      for (const [coveredStart, coveredEnd] of covered.intervals) {
        if (coveredEnd <= from) continue;
        if (coveredStart >= end) break;
        if (coveredStart > from) rest.push([from, coveredStart]);
        from = Math.max(from, coveredEnd);
        if (from >= end) break;
      }
      if (from < end) rest.push([from, end]);
    }
    return new WatchedIntervals(rest);
  }

  /** The earliest `seconds` seconds (all of them when there are fewer). */
  first(seconds: number): WatchedIntervals {
    const kept: Interval[] = [];
    let left = Math.max(0, Math.floor(seconds));
    for (const [start, end] of this.intervals) {
      if (left <= 0) break;
      const take = Math.min(end - start, left);
      kept.push([start, start + take]);
      left -= take;
    }
    return new WatchedIntervals(kept);
  }

  /** True when every second of `interval` is covered. */
  includes([start, end]: Interval): boolean {
    if (end <= start) return true;
    return this.intervals.some(([from, to]) => from <= start && end <= to);
  }
}
