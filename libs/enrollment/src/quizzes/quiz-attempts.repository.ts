import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { QuizAttempt } from './quiz-attempt.entity';

/** A learner's record at one quiz. */
export interface QuizTally {
  attempts: number;
  bestScore: number;
}

/** Quiz attempts. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class QuizAttemptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Attempts made at one quiz in one enrollment (`uq_quiz_attempts_number` range). */
  count(manager: EntityManager, enrollmentId: string, lessonId: string): Promise<number> {
    return manager.countBy(QuizAttempt, { enrollmentId, lessonId });
  }

  /** Per quiz of one enrollment: attempts made and the best score (what the player shows). */
  async tallies(enrollmentId: string): Promise<Map<string, QuizTally>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(QuizAttempt, 'a')
      .select('a.lessonId', 'lessonId')
      .addSelect('COUNT(*)', 'attempts')
      .addSelect('MAX(a.score)', 'bestScore')
      .where('a.enrollmentId = :enrollmentId', { enrollmentId })
      .groupBy('a.lessonId')
      .getRawMany<{ lessonId: string; attempts: string | number; bestScore: string | number }>();
    return new Map(
      rows.map((row) => [
        row.lessonId,
        { attempts: Number(row.attempts), bestScore: Number(row.bestScore) },
      ]),
    );
  }

  async insert(manager: EntityManager, attempt: QuizAttempt): Promise<void> {
    await manager.insert(QuizAttempt, attempt);
  }
}
