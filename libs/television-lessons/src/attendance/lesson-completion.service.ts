import { CompleteLessonService, EnrollmentLookup } from '@lifelong/enrollment';
import { Injectable, Logger } from '@nestjs/common';
import type { BroadcastAttendance } from './attendance.entity';
import { AttendancesRepository, type PendingAttendance } from './attendances.repository';
import { LessonChecksRepository } from './lesson-checks.repository';

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** What presence did to the lesson. */
export interface PresenceOutcome {
  lessonCompleted: boolean;
  courseCompleted: boolean;
  /** The lesson waits for its check quiz to be passed. */
  awaitingCheckQuiz: boolean;
}

/**
 * Turns presence into lesson completion through enrollment's own flow
 * (`CompleteLessonService.completeLessonForLearner`, which also completes the course with its
 * last counted lesson). A lesson with a check quiz completes only once that quiz is passed too:
 * at attendance if it already is, else from the `television.settle-checks` sweep after it is.
 */
@Injectable()
export class LessonCompletion {
  private readonly logger = new Logger(LessonCompletion.name);

  constructor(
    private readonly attendances: AttendancesRepository,
    private readonly checks: LessonChecksRepository,
    private readonly complete: CompleteLessonService,
    private readonly enrollments: EnrollmentLookup,
  ) {}

  async settle(
    attendance: Pick<BroadcastAttendance, 'id' | 'userId' | 'lessonId'>,
  ): Promise<PresenceOutcome> {
    if (!(await this.checkPassed(attendance.userId, attendance.lessonId)))
      return { lessonCompleted: false, courseCompleted: false, awaitingCheckQuiz: true };
    const outcome = await this.complete.completeLessonForLearner(
      attendance.userId,
      attendance.lessonId,
    );
    await this.attendances.setLessonCompletedAt(attendance.id, outcome.completedAt);
    return {
      lessonCompleted: true,
      courseCompleted: outcome.courseCompleted,
      awaitingCheckQuiz: false,
    };
  }

  /**
   * The attendances whose lesson is not completed yet and whose check quiz (if any) is passed,
   * completed now; a learner no longer learning (withdrawn) is left alone. Reads the pending
   * attendances in pages (index `ix_broadcast_attendances_pending`) and asks enrollment, for a
   * whole page at once, who is still learning and who passed the check.
   */
  async settlePending(limit = 500): Promise<number> {
    const ready: PendingAttendance[] = [];
    let after = { lessonId: '', id: '' };
    while (ready.length < limit) {
      const page = await this.attendances.pendingAfter(after, limit);
      if (page.length === 0) break;
      ready.push(...(await this.readyAmong(page)).slice(0, limit - ready.length));
      const last = page[page.length - 1]!;
      after = { lessonId: last.lessonId, id: last.id };
      if (page.length < limit) break;
    }
    let settled = 0;
    for (const row of ready) {
      try {
        const outcome = await this.settle(row);
        if (outcome.lessonCompleted) settled += 1;
      } catch (error) {
        this.logger.warn(
          `Attendance ${row.id} did not complete its lesson: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return settled;
  }

  /** Those whose learner is still learning in the course and passed the check, if any. */
  private async readyAmong(page: readonly PendingAttendance[]): Promise<PendingAttendance[]> {
    const learning = new Map<string, Set<string>>();
    for (const [courseId, rows] of groupBy(page, (row) => row.courseId))
      learning.set(
        courseId,
        await this.enrollments.learnersAmong(
          courseId,
          rows.map((row) => row.userId),
        ),
      );
    const passed = new Map<string, Set<string>>();
    for (const [quizLessonId, rows] of groupBy(page, (row) => row.quizLessonId))
      if (quizLessonId !== null)
        passed.set(
          quizLessonId,
          await this.enrollments.completedLessonAmong(
            quizLessonId,
            rows.map((row) => row.userId),
          ),
        );
    return page.filter(
      (row) =>
        learning.get(row.courseId)?.has(row.userId) &&
        (row.quizLessonId === null || passed.get(row.quizLessonId)?.has(row.userId)),
    );
  }

  /** True when the lesson has no check quiz, or the learner passed it. */
  private async checkPassed(userId: string, lessonId: string): Promise<boolean> {
    const quizLessonId = await this.checks.quizOf(lessonId);
    return quizLessonId === null || this.enrollments.hasCompletedLesson(userId, quizLessonId);
  }
}
