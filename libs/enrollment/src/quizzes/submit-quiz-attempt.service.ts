import { Clock, newId } from '@lifelong/common';
import { answerProblems, CourseOutline, gradeAttempt, type QuizAnswer } from '@lifelong/courses';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertLearning, assertLessonOf } from '../completion/complete-lesson.service';
import { CourseCompletion } from '../completion/course-completion.service';
import { EnrollmentError } from '../enrollment-error';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { LessonProgressRepository } from '../progress/lesson-progress.repository';
import { QuizAttemptsRepository } from './quiz-attempts.repository';

/** A grade, with the limit it is counted against. */
interface GradedAttempt {
  score: number;
  passed: boolean;
  attemptLimit: number | null;
}

/** A graded attempt, and whether it completed the course. */
export interface QuizAttemptOutcome {
  score: number;
  passed: boolean;
  attemptNumber: number;
  courseCompleted: boolean;
}

/**
 * A learner's attempt at a quiz lesson: graded by the courses lib (unknown questions or choices
 * are 400), counted against the quiz's attempt limit (422 past it) under the enrollment's row
 * lock, so two attempts sent at once cannot both be the last one allowed. A passing attempt
 * completes the lesson, and with it possibly the course, in the same transaction; every counted
 * attempt records `enrollment.quiz-attempted` (its score, not its answers).
 */
@Injectable()
export class SubmitQuizAttemptService {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly attempts: QuizAttemptsRepository,
    private readonly progress: LessonProgressRepository,
    private readonly outline: CourseOutline,
    private readonly completion: CourseCompletion,
    private readonly clock: Clock,
  ) {}

  async submit(
    userId: string,
    enrollmentId: string,
    lessonId: string,
    answers: QuizAnswer[],
  ): Promise<QuizAttemptOutcome> {
    const found = await this.enrollments.findById(enrollmentId);
    if (!found || found.userId !== userId) throw EnrollmentError.enrollmentNotFound(enrollmentId);
    assertLessonOf(found, await this.outline.lesson(lessonId), lessonId, 'quiz');
    assertLearning(found);
    const grade = await this.grade(lessonId, answers);
    return this.enrollments.transaction((manager) =>
      this.record(manager, enrollmentId, lessonId, answers, grade),
    );
  }

  /** Grades with the quiz's key; answers naming unknown questions or choices are 400. */
  private async grade(lessonId: string, answers: readonly QuizAnswer[]): Promise<GradedAttempt> {
    const key = await this.outline.quizKey(lessonId);
    if (!key) throw EnrollmentError.lessonNotFound(lessonId);
    const problems = answerProblems(key, answers);
    if (problems.length > 0)
      throw new EnrollmentError('VALIDATION_FAILED', 'The answers do not fit this quiz', {
        fields: { answers: problems },
      });
    const { score, passed } = gradeAttempt(key, answers);
    return { score, passed, attemptLimit: key.attemptLimit };
  }

  /** Counts, records and (when passed) completes, holding the enrollment's row lock. */
  private async record(
    manager: EntityManager,
    enrollmentId: string,
    lessonId: string,
    answers: QuizAnswer[],
    grade: GradedAttempt,
  ): Promise<QuizAttemptOutcome> {
    const enrollment = await this.enrollments.lockById(manager, enrollmentId);
    if (!enrollment) throw EnrollmentError.enrollmentNotFound(enrollmentId);
    assertLearning(enrollment);
    const made = await this.attempts.count(manager, enrollmentId, lessonId);
    if (grade.attemptLimit !== null && made >= grade.attemptLimit)
      throw new EnrollmentError('ATTEMPT_LIMIT_REACHED', 'No attempts are left at this quiz', {
        attemptLimit: grade.attemptLimit,
      });
    const now = this.clock.now();
    const attemptNumber = made + 1;
    const { score, passed } = grade;
    const attempt = { id: newId(), enrollmentId, lessonId, attemptNumber, score, passed, answers };
    await this.attempts.insert(manager, { ...attempt, attemptedAt: now });
    await recordEvent(manager, 'enrollment.quiz-attempted', {
      attemptId: attempt.id,
      enrollmentId,
      courseId: enrollment.courseId,
      userId: enrollment.userId,
      lessonId,
      attemptNumber,
      score,
      passed,
      attemptedAt: now.toISOString(),
    });
    const stored = await this.progress.lock(manager, enrollmentId, lessonId);
    let courseCompleted = enrollment.status === 'completed';
    if (passed && !stored?.completedAt) {
      await this.progress.markCompleted(manager, enrollmentId, lessonId, now);
      courseCompleted = await this.completion.afterLessonCompleted(manager, enrollment, now, {
        lessonId,
      });
    }
    return { score, passed, attemptNumber, courseCompleted };
  }
}
