import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import type { Lesson } from '../lessons/lesson.entity';
import { LessonsRepository } from '../lessons/lessons.repository';
import type { CourseSection } from '../sections/course-section.entity';
import { SectionsRepository } from '../sections/sections.repository';
import type { Course } from './course.entity';
import { CourseStaff } from './course-staff.service';
import { type CourseRef, CoursesRepository } from './courses.repository';
import { type CourseEdit, editRefusal, statusAfterEdit } from './edit.rules';

/**
 * The way into every authoring change: finds what is being changed, checks that the caller
 * authors its facility (404 for what they cannot see, 403 for what they can), and applies the
 * lifecycle rule of the change inside the transaction that makes it.
 */
@Injectable()
export class AuthoringGate {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly sections: SectionsRepository,
    private readonly lessons: LessonsRepository,
    private readonly staff: CourseStaff,
  ) {}

  async course(principal: Principal, courseId: string): Promise<CourseRef> {
    const course = await this.facts(courseId);
    if (!course) throw CourseError.courseNotFound(courseId);
    await this.staff.assertAuthor(principal, course);
    return course;
  }

  async section(principal: Principal, sectionId: string): Promise<CourseSection> {
    const section = await this.sections.findById(sectionId);
    await this.authorOfCourse(principal, section?.courseId, () =>
      CourseError.sectionNotFound(sectionId),
    );
    return section!;
  }

  async lesson(principal: Principal, lessonId: string): Promise<Lesson> {
    const lesson = await this.lessons.findById(lessonId);
    await this.authorOfCourse(principal, lesson?.courseId, () =>
      CourseError.lessonNotFound(lessonId),
    );
    return lesson!;
  }

  /** Refuses `edit` by the lifecycle rules; an accepted edit sends a course in review to draft. */
  async applyEdit(manager: EntityManager, course: Course, edit: CourseEdit): Promise<void> {
    const refusal = editRefusal(course.status, edit);
    if (refusal) throw refusal;
    const status = statusAfterEdit(course.status);
    if (status === course.status) return;
    await this.courses.update(manager, course.id, { status });
    course.status = status;
  }

  private async authorOfCourse(
    principal: Principal,
    courseId: string | undefined,
    notFound: () => CourseError,
  ): Promise<void> {
    const course = courseId ? await this.facts(courseId) : null;
    if (!course) throw notFound();
    try {
      await this.staff.assertAuthor(principal, course);
    } catch (error) {
      // Hidden course, hidden part: say the part is not found rather than name the course.
      throw error instanceof CourseError && error.code === 'COURSE_NOT_FOUND' ? notFound() : error;
    }
  }

  private facts(courseId: string): Promise<CourseRef | null> {
    return this.courses.findRef(courseId);
  }
}
