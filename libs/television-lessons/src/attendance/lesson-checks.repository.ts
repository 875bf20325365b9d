import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TelevisionLessonCheck } from './lesson-check.entity';

/** Queries on television lessons' check quizzes, one row per lesson that has one. */
@Injectable()
export class LessonChecksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The lesson's check quiz, or null when it has none. */
  async quizOf(lessonId: string): Promise<string | null> {
    const check = await this.dataSource
      .getRepository(TelevisionLessonCheck)
      .findOne({ select: { quizLessonId: true }, where: { lessonId } });
    return check?.quizLessonId ?? null;
  }

  async save(lessonId: string, quizLessonId: string): Promise<void> {
    await this.dataSource
      .getRepository(TelevisionLessonCheck)
      .upsert({ lessonId, quizLessonId }, ['lessonId']);
  }

  async remove(lessonId: string): Promise<void> {
    await this.dataSource.getRepository(TelevisionLessonCheck).delete({ lessonId });
  }
}
