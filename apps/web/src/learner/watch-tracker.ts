/** `[from, to]` seconds of the video. */
export type Segment = [number, number];

/** A jump larger than this between two time updates is a seek, not playback. */
const MAX_STEP_SECONDS = 3;

/** Sorted, merged copy: touching or overlapping segments become one. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const sorted = segments
    .filter(([from, to]) => to > from)
    .map(([from, to]): Segment => [from, to])
    .sort((a, b) => a[0] - b[0]);
  const merged: Segment[] = [];
  for (const segment of sorted) {
    const last = merged[merged.length - 1];
    if (last && segment[0] <= last[1]) last[1] = Math.max(last[1], segment[1]);
    else merged.push(segment);
  }
  return merged;
}

/**
 * What the player has watched and not yet had acknowledged by the server. Playback extends an
 * open segment; a seek or pause closes it. `take()` hands out everything unacknowledged for one
 * report; a report that fails is `giveBack()`-ed, so the next report carries the same seconds
 * again (the server counts distinct seconds, so a repeat never counts twice) and nothing is lost.
 */
export class WatchTracker {
  private pending: Segment[] = [];
  private open: Segment | null = null;
  private last: number | null = null;
  position = 0;

  /** The video's clock moved to `time` while playing. */
  played(time: number): void {
    this.position = time;
    if (this.last !== null && time >= this.last && time - this.last <= MAX_STEP_SECONDS) {
      if (this.open) this.open[1] = time;
      else this.open = [this.last, time];
    } else {
      this.close();
    }
    this.last = time;
  }

  /** A pause or a seek: the next time update starts a new segment. */
  stopped(time?: number): void {
    if (time !== undefined) {
      if (this.open && this.last !== null && time >= this.last && time - this.last <= 1)
        this.open[1] = time;
      this.position = time;
    }
    this.close();
    this.last = null;
  }

  /** Seconds watched and not yet acknowledged, ready for a report. */
  hasPending(): boolean {
    return this.pending.length > 0 || (this.open !== null && this.open[1] > this.open[0]);
  }

  /** Every unacknowledged segment, for one report; the open segment continues from its end. */
  take(): Segment[] {
    const batch = mergeSegments(this.open ? [...this.pending, this.open] : this.pending);
    this.pending = [];
    if (this.open) this.open = [this.open[1], this.open[1]];
    return batch;
  }

  /** A report that did not reach the server: its segments go out again with the next one. */
  giveBack(segments: readonly Segment[]): void {
    this.pending = mergeSegments([...segments, ...this.pending]);
  }

  private close(): void {
    if (this.open && this.open[1] > this.open[0])
      this.pending = mergeSegments([...this.pending, this.open]);
    this.open = null;
  }
}
