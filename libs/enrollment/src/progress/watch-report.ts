import { type Interval, WatchedIntervals } from './watched-intervals';

/** How fast credit may accrue (config: PROGRESS_MAX_PLAYBACK_RATE, PROGRESS_SLACK_SECONDS). */
export interface CreditRules {
  /** The fastest playback a player offers (2.0 = double speed). */
  maxPlaybackRate: number;
  /** Seconds granted on top, for report timing jitter (and the first report). */
  slackSeconds: number;
}

/** What is kept of one learner's watching of one video lesson. */
export interface WatchState {
  watched: WatchedIntervals;
  positionSeconds: number;
  /** When the previous report was accepted; null before the first one. */
  lastReportAt: Date | null;
}

/** One report from the player: segments played (in seconds, fractions allowed) and where it is. */
export interface WatchReport {
  segments: readonly (readonly [from: number, to: number])[];
  positionSeconds: number;
  /** When the server received it (the Clock). */
  receivedAt: Date;
}

/** The state after a report, and how many new seconds it earned or was refused. */
export interface WatchOutcome {
  state: WatchState;
  creditedSeconds: number;
  refusedSeconds: number;
}

/** Player times to whole seconds: to the nearest, so back-to-back reports still touch. */
export function toWholeSeconds(segments: WatchReport['segments']): WatchedIntervals {
  return WatchedIntervals.of(
    segments.map(([from, to]): Interval => [Math.round(from), Math.round(to)]),
  );
}

/**
 * New distinct seconds one report may earn: the wall-clock time since the previous accepted
 * report times the fastest playback rate, plus the slack. Before any report only the slack, so
 * a first report claiming the whole video earns (almost) nothing. A clock that went backwards
 * counts as no time.
 */
export function creditAllowance(
  lastReportAt: Date | null,
  receivedAt: Date,
  rules: CreditRules,
): number {
  const elapsedSeconds =
    lastReportAt === null ? 0 : Math.max(0, (receivedAt.getTime() - lastReportAt.getTime()) / 1000);
  return Math.floor(elapsedSeconds * rules.maxPlaybackRate + rules.slackSeconds);
}

/**
 * Applies one report: segments become whole seconds, clipped to the video; seconds already
 * watched cost nothing; of the new ones, the earliest are credited up to the allowance and the
 * rest refused (the player may report them again once time allows). The position is kept,
 * clipped to the video, whatever the credit: seeking to the end moves the position, earns nothing.
 */
export function applyWatchReport(
  state: WatchState,
  report: WatchReport,
  durationSeconds: number,
  rules: CreditRules,
): WatchOutcome {
  // Stored seconds past the end are dropped too: a lesson's video may be replaced by a shorter one.
  const watched = state.watched.clip(durationSeconds);
  const reported = toWholeSeconds(report.segments).clip(durationSeconds);
  const fresh = reported.minus(watched);
  const credited = fresh.first(creditAllowance(state.lastReportAt, report.receivedAt, rules));
  return {
    state: {
      watched: watched.union(credited),
      positionSeconds: Math.min(durationSeconds, Math.max(0, Math.round(report.positionSeconds))),
      lastReportAt: report.receivedAt,
    },
    creditedSeconds: credited.seconds,
    refusedSeconds: fresh.seconds - credited.seconds,
  };
}

/** The watched seconds that complete a lesson of this duration at this threshold (percent). */
export function secondsToComplete(durationSeconds: number, thresholdPercent: number): number {
  return Math.max(1, Math.ceil((durationSeconds * thresholdPercent) / 100 - 1e-9));
}

/** True once enough distinct seconds are watched (threshold in percent of the duration). */
export function watchCompletes(
  watchedSeconds: number,
  durationSeconds: number,
  thresholdPercent: number,
): boolean {
  return watchedSeconds >= secondsToComplete(durationSeconds, thresholdPercent);
}
