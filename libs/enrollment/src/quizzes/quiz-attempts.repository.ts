import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { QuizAttempt } from './quiz-attempt.entity';

/** Quiz attempts, in the caller's transaction. */
@Injectable()
export class QuizAttemptsRepository {
  /** Attempts made at one quiz in one enrollment (`uq_quiz_attempts_number` range). */
  count(manager: EntityManager, enrollmentId: string, lessonId: string): Promise<number> {
    return manager.countBy(QuizAttempt, { enrollmentId, lessonId });
  }

  async insert(manager: EntityManager, attempt: QuizAttempt): Promise<void> {
    await manager.insert(QuizAttempt, attempt);
  }
}
