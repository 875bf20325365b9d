import { mergeSegments, WatchTracker } from '../src/learner/watch-tracker';

/** Plays from `from` to `to` in quarter-second time updates, as a video element reports them. */
function play(tracker: WatchTracker, from: number, to: number): void {
  for (let time = from; time <= to; time += 0.25) tracker.played(time);
}

describe('what the player reports as watched', () => {
  it('reports continuous playback as one segment and the next report from where it stopped', () => {
    const tracker = new WatchTracker();
    play(tracker, 0, 10);
    expect(tracker.take()).toEqual([[0, 10]]);
    play(tracker, 10.25, 20);
    expect(tracker.take()).toEqual([[10, 20]]);
    expect(tracker.position).toBe(20);
  });

  it('splits the segment at a seek, so skipped seconds are never reported', () => {
    const tracker = new WatchTracker();
    play(tracker, 0, 5);
    play(tracker, 60, 65);
    expect(tracker.take()).toEqual([
      [0, 5],
      [60, 65],
    ]);
  });

  it('keeps a report lost to the network and sends the same seconds again with the next one', () => {
    const tracker = new WatchTracker();
    play(tracker, 0, 10);
    const lost = tracker.take();
    tracker.giveBack(lost);
    play(tracker, 10.25, 20);
    // One segment: the retry carries the lost seconds and the new ones, each second once.
    expect(tracker.take()).toEqual([[0, 20]]);
    expect(tracker.hasPending()).toBe(false);
  });

  it('closes the segment on pause and starts afresh after it', () => {
    const tracker = new WatchTracker();
    play(tracker, 0, 4);
    tracker.stopped(4);
    expect(tracker.hasPending()).toBe(true);
    play(tracker, 4, 6);
    expect(tracker.take()).toEqual([[0, 6]]);
  });

  it('merges touching and overlapping segments and drops empty ones', () => {
    expect(
      mergeSegments([
        [5, 8],
        [0, 5],
        [7, 9],
        [20, 20],
      ]),
    ).toEqual([[0, 9]]);
  });
});
