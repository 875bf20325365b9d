import { CourseOutline, CourseStaff, type LessonRule } from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { Cmi5Error } from '../cmi5-error';

/** A cmi5 lesson with the facility its course belongs to. */
export interface Cmi5Lesson {
  lesson: LessonRule;
  facilityId: string;
}

/** Which lessons take packages, and who may upload them. */
@Injectable()
export class Cmi5Lessons {
  constructor(
    private readonly outline: CourseOutline,
    private readonly staff: CourseStaff,
  ) {}

  /** The lesson and its facility: 404 when there is none, 422 unless it is a cmi5 lesson. */
  async lesson(lessonId: string): Promise<Cmi5Lesson> {
    const lesson = await this.outline.lesson(lessonId);
    const course = lesson && (await this.outline.course(lesson.courseId));
    if (!lesson || !course) throw new Cmi5Error('LESSON_NOT_FOUND', 'No such lesson', { lessonId });
    if (lesson.kind !== 'cmi5')
      throw new Cmi5Error('LESSON_NOT_CMI5', `A ${lesson.kind} lesson takes no cmi5 package`, {
        lessonId,
        kind: lesson.kind,
      });
    return { lesson, facilityId: course.facilityId };
  }

  isStaff(principal: Principal, target: Cmi5Lesson): Promise<boolean> {
    return this.staff.isAuthor(principal, target.facilityId);
  }

  /** The lesson an upload goes to: staff of its course only (403 otherwise). */
  async uploadTarget(principal: Principal, lessonId: string): Promise<Cmi5Lesson> {
    const target = await this.lesson(lessonId);
    if (!(await this.isStaff(principal, target)))
      throw new Cmi5Error(
        'FORBIDDEN',
        "Only the course's instructors and the admins of its facility may upload its packages",
        { lessonId },
      );
    return target;
  }
}
