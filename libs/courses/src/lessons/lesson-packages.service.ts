import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import { LessonsRepository } from './lessons.repository';

/**
 * The seam where cmi5 packages meet lessons. Courses do not depend on the cmi5 lib: it calls
 * {@link LessonPackages.attachLessonPackage} in the transaction that records a new package.
 */
@Injectable()
export class LessonPackages {
  constructor(private readonly lessons: LessonsRepository) {}

  /** Names the package a cmi5 lesson launches. Trusted callers only (staff already checked). */
  async attachLessonPackage(
    manager: EntityManager,
    lessonId: string,
    packageId: string,
  ): Promise<void> {
    const lesson = await this.lessons.findById(lessonId, manager);
    if (!lesson) throw CourseError.lessonNotFound(lessonId);
    if (lesson.kind !== 'cmi5')
      throw new CourseError('LESSON_NOT_CMI5', `A ${lesson.kind} lesson takes no cmi5 package`, {
        lessonId,
      });
    await this.lessons.update(manager, lessonId, { packageId });
  }
}
