import {
  applyWatchReport,
  creditAllowance,
  type CreditRules,
  secondsToComplete,
  type WatchState,
  watchCompletes,
} from './watch-report';
import { WatchedIntervals } from './watched-intervals';

const rules: CreditRules = { maxPlaybackRate: 2, slackSeconds: 5 };
const T0 = new Date('2026-11-29T08:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
const DURATION = 600;

const fresh: WatchState = {
  watched: WatchedIntervals.EMPTY,
  positionSeconds: 0,
  lastReportAt: null,
};

/** Plays reports in order, as a player would send them, `[receivedAtSecond, segments, position]`. */
function play(
  reports: [number, [number, number][], number][],
  start: WatchState = fresh,
): WatchState {
  return reports.reduce(
    (state, [second, segments, positionSeconds]) =>
      applyWatchReport(
        state,
        { segments, positionSeconds, receivedAt: at(second) },
        DURATION,
        rules,
      ).state,
    start,
  );
}

describe('the credit rate rule', () => {
  it('allows elapsed time × max rate + slack, and only the slack before any report', () => {
    expect(creditAllowance(null, at(0), rules)).toBe(5);
    expect(creditAllowance(at(0), at(10), rules)).toBe(25);
    expect(creditAllowance(at(0), at(0.4), rules)).toBe(5);
  });

  it('counts a clock that went backwards as no time', () => {
    expect(creditAllowance(at(100), at(40), rules)).toBe(5);
  });

  it('credits a learner watching in real time, report after report', () => {
    const state = play([
      [0, [], 0],
      [10, [[0, 10]], 10],
      [20, [[10, 20]], 20],
      [30, [[20, 30]], 30],
    ]);
    expect(state.watched.seconds).toBe(30);
    expect(state.positionSeconds).toBe(30);
  });

  it('credits double speed but not faster', () => {
    const doubled = play([
      [0, [], 0],
      [10, [[0, 20]], 20],
    ]);
    expect(doubled.watched.seconds).toBe(20);
    const tenfold = applyWatchReport(
      { watched: WatchedIntervals.EMPTY, positionSeconds: 0, lastReportAt: at(0) },
      { segments: [[0, 100]], positionSeconds: 100, receivedAt: at(10) },
      DURATION,
      rules,
    );
    expect(tenfold.creditedSeconds).toBe(25);
    expect(tenfold.refusedSeconds).toBe(75);
    expect(tenfold.state.watched.intervals).toEqual([[0, 25]]);
  });

  it('gives nothing for seeking to the end, but keeps the position', () => {
    const seeked = applyWatchReport(
      { watched: WatchedIntervals.of([[0, 10]]), positionSeconds: 10, lastReportAt: at(10) },
      { segments: [], positionSeconds: DURATION, receivedAt: at(11) },
      DURATION,
      rules,
    );
    expect(seeked.creditedSeconds).toBe(0);
    expect(seeked.state.positionSeconds).toBe(DURATION);
    expect(seeked.state.watched.seconds).toBe(10);
  });

  it('refuses a first report that claims the whole video', () => {
    const claimed = applyWatchReport(
      fresh,
      { segments: [[0, DURATION]], positionSeconds: DURATION, receivedAt: at(0) },
      DURATION,
      rules,
    );
    expect(claimed.creditedSeconds).toBe(5);
    expect(watchCompletes(claimed.state.watched.seconds, DURATION, 90)).toBe(false);
  });

  it('earns nothing from a duplicate report, whose seconds are already watched', () => {
    const once = play([
      [0, [], 0],
      [10, [[0, 10]], 10],
    ]);
    const twice = applyWatchReport(
      once,
      { segments: [[0, 10]], positionSeconds: 10, receivedAt: at(10.2) },
      DURATION,
      rules,
    );
    expect(twice.creditedSeconds).toBe(0);
    expect(twice.refusedSeconds).toBe(0);
    expect(twice.state.watched.seconds).toBe(10);
  });

  it('merges reports arriving out of order', () => {
    const state = play([
      [0, [], 0],
      [10, [[10, 20]], 20],
      [20, [[0, 10]], 10],
    ]);
    expect(state.watched.intervals).toEqual([[0, 20]]);
    expect(state.positionSeconds).toBe(10);
  });

  it('counts rewatched seconds once and credits only the new ones', () => {
    const state = play([
      [0, [], 0],
      [10, [[0, 10]], 10],
      [20, [[5, 15]], 15],
    ]);
    expect(state.watched.seconds).toBe(15);
  });

  it('clips segments and positions past the duration or below zero', () => {
    const state = play([[3600, [[590, 700]], 9999]], {
      watched: WatchedIntervals.EMPTY,
      positionSeconds: 0,
      lastReportAt: at(0),
    });
    expect(state.watched.intervals).toEqual([[590, 600]]);
    expect(state.positionSeconds).toBe(DURATION);
    expect(play([[10, [[0, 1]], -4]]).positionSeconds).toBe(0);
  });

  it('drops stored seconds past the end when the video became shorter', () => {
    const longer = {
      watched: WatchedIntervals.of([[0, 900]]),
      positionSeconds: 900,
      lastReportAt: at(0),
    };
    const state = play([[10, [], 900]], longer);
    expect(state.watched.seconds).toBe(DURATION);
    expect(state.positionSeconds).toBe(DURATION);
  });

  it('rounds player times to the nearest second so consecutive reports touch', () => {
    const state = play([
      [0, [], 0],
      [10, [[0, 9.6]], 9.6],
      [20, [[9.6, 19.4]], 19.4],
    ]);
    expect(state.watched.intervals).toEqual([[0, 19]]);
    expect(state.positionSeconds).toBe(19);
  });
});

describe('lesson completion by watching', () => {
  it('completes at the threshold', () => {
    expect(secondsToComplete(600, 90)).toBe(540);
    expect(watchCompletes(539, 600, 90)).toBe(false);
    expect(watchCompletes(540, 600, 90)).toBe(true);
    expect(watchCompletes(300, 600, 50)).toBe(true);
  });

  it('rounds the threshold up and never asks for less than one second', () => {
    expect(secondsToComplete(7, 90)).toBe(7);
    expect(secondsToComplete(10, 0)).toBe(1);
  });
});
