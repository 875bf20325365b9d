import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { LessonStaff } from '../broadcasts/lesson-staff.service';
import { TelevisionError } from '../television-error';
import { LessonChecksRepository } from './lesson-checks.repository';

/** Which quiz (if any) a television lesson needs passed before attendance counts. */
@Injectable()
export class LessonChecks {
  constructor(
    private readonly checks: LessonChecksRepository,
    private readonly staff: LessonStaff,
  ) {}

  /**
   * Sets (or with null, removes) the check quiz of a television lesson: a quiz lesson of the same
   * course (422 `CHECK_QUIZ_INVALID` otherwise). Course staff only.
   */
  async set(
    principal: Principal,
    lessonId: string,
    quizLessonId: string | null,
  ): Promise<{ lessonId: string; quizLessonId: string | null }> {
    const { lesson, course } = await this.staff.televisionLesson(lessonId);
    await this.staff.assertStaff(principal, course.facilityId);
    if (quizLessonId === null) {
      await this.checks.remove(lessonId);
      return { lessonId, quizLessonId: null };
    }
    const quiz = await this.staff.lesson(quizLessonId).catch(() => null);
    if (!quiz || quiz.lesson.kind !== 'quiz' || quiz.lesson.courseId !== lesson.courseId)
      throw new TelevisionError(
        'CHECK_QUIZ_INVALID',
        'The check must be a quiz lesson of the same course',
        { quizLessonId },
      );
    await this.checks.save(lessonId, quizLessonId);
    return { lessonId, quizLessonId };
  }
}
