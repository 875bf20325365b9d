import { AppConfig, Clock } from '@lifelong/common';
import { DEFAULT_COMPLETION_THRESHOLD, WATCHED_KINDS } from '@lifelong/courses';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertLearning, assertLessonOf } from '../completion/complete-lesson.service';
import { CourseCompletion } from '../completion/course-completion.service';
import { EnrollmentError } from '../enrollment-error';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import {
  type LessonForProgress,
  type ProgressWrite,
  LessonProgressRepository,
  type StoredProgress,
} from './lesson-progress.repository';
import {
  applyWatchReport,
  type CreditRules,
  type WatchReport,
  type WatchState,
  watchCompletes,
} from './watch-report';
import { WatchedIntervals } from './watched-intervals';

/** What the player sends: the segments it played since its last report, and where it is. */
export interface ProgressReport {
  segments: readonly (readonly [from: number, to: number])[];
  positionSeconds: number;
}

/** The lesson's progress after a report. */
export interface ProgressResult {
  watchedSeconds: number;
  durationSeconds: number;
  completed: boolean;
  courseCompleted: boolean;
}

/** A watched lesson (video) with a known length. */
interface PlayableLesson extends LessonForProgress {
  durationSeconds: number;
}

/** Transactions a report under locks may take (only racing first reports need a second). */
const MAX_LOCKED_ATTEMPTS = 3;

/** A first report found no row to lock, and another inserted it first: run again. */
class ProgressRaced extends Error {}

/**
 * The hottest write: a player's progress report on a video lesson. One read (enrollment, lesson
 * and progress row together) and one autocommitted write that only lands if the row is
 * unchanged since the read (insert-if-absent, or compare-and-set on `revision`). A lost race is
 * re-applied under row locks, so concurrent reports never lose seconds and a 200 means the report
 * is stored. The rare report that completes the lesson also goes under the locks, in a
 * transaction that completes the course too when it was the last lesson.
 */
@Injectable()
export class RecordProgressService {
  private readonly rules: CreditRules;

  constructor(
    private readonly progress: LessonProgressRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly completion: CourseCompletion,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.rules = config.progress;
  }

  async report(
    userId: string,
    enrollmentId: string,
    lessonId: string,
    report: ProgressReport,
  ): Promise<ProgressResult> {
    const context = await this.progress.readReportContext(enrollmentId, lessonId);
    if (!context || context.userId !== userId)
      throw EnrollmentError.enrollmentNotFound(enrollmentId);
    const video = playable(context, context.lesson, lessonId);
    assertLearning({ id: enrollmentId, status: context.status });
    const watch = { ...report, receivedAt: this.clock.now() };
    const stored = context.progress;
    const outcome = applyWatchReport(stateOf(stored), watch, video.durationSeconds, this.rules);
    const write = toWrite(enrollmentId, lessonId, outcome.state, stored?.completedAt ?? null);
    if (!write.completedAt && completes(outcome.state, video))
      return this.reportLocked(userId, enrollmentId, video, watch);
    const written = stored
      ? await this.progress.compareAndSet(write, stored.revision)
      : await this.progress.insertFirst(write);
    if (written) return result(write, video, context.status === 'completed');
    // Another report on this lesson landed in between: apply ours to its result, under locks.
    return this.reportLocked(userId, enrollmentId, video, watch);
  }

  /**
   * The report applied inside a transaction holding the enrollment row, then the progress row:
   * for a report that completes the lesson (the lesson, the progress percent and perhaps the
   * course complete together) and for one that lost a race (the locks queue it behind the others).
   */
  private async reportLocked(
    userId: string,
    enrollmentId: string,
    video: PlayableLesson,
    watch: WatchReport,
  ): Promise<ProgressResult> {
    for (let attempt = 1; attempt <= MAX_LOCKED_ATTEMPTS; attempt += 1) {
      try {
        return await this.enrollments.transaction((manager) =>
          this.applyLocked(manager, userId, enrollmentId, video, watch),
        );
      } catch (error) {
        // Only a first report racing another first report (no row yet to lock) comes here.
        if (!(error instanceof ProgressRaced)) throw error;
      }
    }
    throw new EnrollmentError(
      'PROGRESS_CONFLICT',
      'Too many reports for this lesson at once; send this one again',
      { enrollmentId, lessonId: video.lessonId },
    );
  }

  private async applyLocked(
    manager: EntityManager,
    userId: string,
    enrollmentId: string,
    video: PlayableLesson,
    watch: WatchReport,
  ): Promise<ProgressResult> {
    const enrollment = await this.enrollments.lockById(manager, enrollmentId);
    if (!enrollment || enrollment.userId !== userId)
      throw EnrollmentError.enrollmentNotFound(enrollmentId);
    assertLearning(enrollment);
    const stored = await this.progress.lock(manager, enrollmentId, video.lessonId);
    const outcome = applyWatchReport(stateOf(stored), watch, video.durationSeconds, this.rules);
    const completedNow = !stored?.completedAt && completes(outcome.state, video);
    const completedAt = stored?.completedAt ?? (completedNow ? watch.receivedAt : null);
    const write = toWrite(enrollmentId, video.lessonId, outcome.state, completedAt);
    await this.store(manager, write, stored);
    const courseCompleted = completedNow
      ? await this.completion.afterLessonCompleted(manager, enrollment, watch.receivedAt, {
          lessonId: video.lessonId,
          watched: {
            segments: outcome.state.watched.intervals.map(([from, to]) => [from, to]),
            watchedSeconds: outcome.state.watched.seconds,
            durationSeconds: video.durationSeconds,
          },
        })
      : enrollment.status === 'completed';
    return result(write, video, courseCompleted);
  }

  private async store(
    manager: EntityManager,
    write: ProgressWrite,
    stored: StoredProgress | null,
  ): Promise<void> {
    const written = stored
      ? await this.progress.compareAndSet(write, stored.revision, manager)
      : await this.progress.insertFirst(write, manager);
    if (!written) throw new ProgressRaced();
  }
}

/**
 * The lesson must be watched (a video, or a television lesson with its replay attached) of the
 * enrollment's course, with a known duration.
 */
function playable(
  context: { courseId: string },
  lesson: LessonForProgress | null,
  lessonId: string,
): PlayableLesson {
  assertLessonOf(context, lesson, lessonId);
  if (!WATCHED_KINDS.includes(lesson.kind))
    throw new EnrollmentError('LESSON_KIND_MISMATCH', 'This works on video lessons only', {
      lessonId,
      kind: lesson.kind,
    });
  const { durationSeconds } = lesson;
  if (durationSeconds === null || durationSeconds <= 0)
    throw new EnrollmentError('LESSON_NOT_PLAYABLE', 'The lesson has no ready video yet', {
      lessonId,
    });
  return { ...lesson, durationSeconds };
}

function completes(state: WatchState, video: PlayableLesson): boolean {
  return watchCompletes(
    state.watched.seconds,
    video.durationSeconds,
    video.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD,
  );
}

function stateOf(stored: StoredProgress | null): WatchState {
  return {
    watched: WatchedIntervals.decode(stored?.intervals),
    positionSeconds: stored?.positionSeconds ?? 0,
    lastReportAt: stored?.lastReportAt ?? null,
  };
}

function toWrite(
  enrollmentId: string,
  lessonId: string,
  state: WatchState,
  completedAt: Date | null,
): ProgressWrite {
  return {
    enrollmentId,
    lessonId,
    intervals: state.watched.encode(),
    watchedSeconds: state.watched.seconds,
    positionSeconds: state.positionSeconds,
    lastReportAt: state.lastReportAt ?? new Date(0),
    completedAt,
  };
}

function result(
  write: ProgressWrite,
  video: PlayableLesson,
  courseCompleted: boolean,
): ProgressResult {
  return {
    watchedSeconds: write.watchedSeconds,
    durationSeconds: video.durationSeconds,
    completed: write.completedAt !== null,
    courseCompleted,
  };
}
