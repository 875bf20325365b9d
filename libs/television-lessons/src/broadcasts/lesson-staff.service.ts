import { CourseOutline, CourseStaff, type CourseFacts, type LessonRule } from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { TelevisionError } from '../television-error';

/** A television lesson with its course. */
export interface TelevisionLesson {
  lesson: LessonRule;
  course: CourseFacts;
}

/**
 * Who manages a lesson's broadcasts: the staff of its course's facility (instructors, facility
 * admins) and admins over it; and which lessons may be broadcast (television lessons only).
 */
@Injectable()
export class LessonStaff {
  constructor(
    private readonly outline: CourseOutline,
    private readonly staff: CourseStaff,
  ) {}

  /** The lesson and its course, or 404 `LESSON_NOT_FOUND`. */
  async lesson(lessonId: string): Promise<TelevisionLesson> {
    const lesson = await this.outline.lesson(lessonId);
    const course = lesson && (await this.outline.course(lesson.courseId));
    if (!lesson || !course)
      throw new TelevisionError('LESSON_NOT_FOUND', `There is no lesson ${lessonId}`, { lessonId });
    return { lesson, course };
  }

  /** A television lesson (422 otherwise). */
  async televisionLesson(lessonId: string): Promise<TelevisionLesson> {
    const found = await this.lesson(lessonId);
    if (found.lesson.kind !== 'television')
      throw new TelevisionError(
        'LESSON_NOT_TELEVISION',
        `Only television lessons are broadcast; this one is a ${found.lesson.kind} lesson`,
        { lessonId, kind: found.lesson.kind },
      );
    return found;
  }

  /** True when `principal` is staff of the course's facility. */
  isStaff(principal: Principal | null, facilityId: string): Promise<boolean> {
    return this.staff.isAuthor(principal, facilityId);
  }

  /** 403 unless `principal` is staff of the course's facility. */
  async assertStaff(principal: Principal, facilityId: string): Promise<void> {
    if (!(await this.isStaff(principal, facilityId)))
      throw new TelevisionError(
        'FORBIDDEN',
        "Only the course's instructors and the admins of its facility manage its broadcasts",
      );
  }
}
