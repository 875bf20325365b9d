import { CompleteLessonService, EnrollmentLookup } from '@lifelong/enrollment';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BroadcastAttendance } from './attendance.entity';
import { TelevisionLessonCheck } from './lesson-check.entity';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    await this.dataSource
      .getRepository(BroadcastAttendance)
      .update({ id: attendance.id }, { lessonCompletedAt: outcome.completedAt });
    return {
      lessonCompleted: true,
      courseCompleted: outcome.courseCompleted,
      awaitingCheckQuiz: false,
    };
  }

  /**
   * The attendances whose lesson is not completed yet and whose check quiz (if any) is passed,
   * completed now; a learner no longer learning (withdrawn) is left alone.
   */
  async settlePending(limit = 500): Promise<number> {
    const rows = await this.dataSource.query<{ id: string; user_id: string; lesson_id: string }[]>(
      `SELECT a.id, a.user_id, a.lesson_id
         FROM broadcast_attendances a
         JOIN enrollments e ON e.user_id = a.user_id AND e.status IN ('active', 'completed')
         JOIN lessons l ON l.id = a.lesson_id AND l.course_id = e.course_id
         LEFT JOIN television_lesson_checks c ON c.lesson_id = a.lesson_id
        WHERE a.lesson_completed_at IS NULL
          AND (c.lesson_id IS NULL OR EXISTS (
                SELECT 1 FROM lesson_progress p
                 WHERE p.enrollment_id = e.id AND p.lesson_id = c.quiz_lesson_id
                   AND p.completed_at IS NOT NULL))
        LIMIT ?`,
      [limit],
    );
    let settled = 0;
    for (const row of rows) {
      try {
        const outcome = await this.settle({
          id: row.id,
          userId: row.user_id,
          lessonId: row.lesson_id,
        });
        if (outcome.lessonCompleted) settled += 1;
      } catch (error) {
        this.logger.warn(
          `Attendance ${row.id} did not complete its lesson: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return settled;
  }

  /** True when the lesson has no check quiz, or the learner passed it. */
  private async checkPassed(userId: string, lessonId: string): Promise<boolean> {
    const check = await this.dataSource
      .getRepository(TelevisionLessonCheck)
      .findOne({ select: { quizLessonId: true }, where: { lessonId } });
    return !check || this.enrollments.hasCompletedLesson(userId, check.quizLessonId);
  }
}
