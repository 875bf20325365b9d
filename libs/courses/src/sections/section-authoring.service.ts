import { newId } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { CourseError } from '../course-error';
import { AuthoringGate } from '../courses/authoring-gate.service';
import { plainText } from '../courses/course-input';
import { CourseStructure } from '../courses/course-structure.service';
import type { SectionView, SectionWithLessons } from '../courses/course-view';
import { CoursesRepository } from '../courses/courses.repository';
import { describeOrderProblems, lessonOrderProblems } from '../lessons/lesson-order';
import { LessonsRepository } from '../lessons/lessons.repository';
import { SectionsRepository } from './sections.repository';

/** Sections of a course and the order of their lessons. */
@Injectable()
export class SectionAuthoring {
  constructor(
    private readonly gate: AuthoringGate,
    private readonly records: CoursesRepository,
    private readonly sections: SectionsRepository,
    private readonly lessons: LessonsRepository,
    private readonly structure: CourseStructure,
  ) {}

  /** Adds a section at the end of the course. */
  async addSection(principal: Principal, courseId: string, title: string): Promise<SectionView> {
    await this.gate.course(principal, courseId);
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, courseId);
      await this.gate.applyEdit(manager, course, { kind: 'add-section' });
      const lastPosition = await this.sections.lastPosition(manager, courseId);
      const section = {
        id: newId(),
        courseId,
        title: plainText(title),
        position: (lastPosition ?? 0) + 1,
      };
      await this.sections.insert(manager, section);
      return { id: section.id, title: section.title, position: section.position };
    });
  }

  /**
   * Puts the section's lessons in the given order; `lessonIds` must name each of them exactly
   * once (else 400 naming what is missing, repeated or foreign).
   */
  async reorderLessons(
    principal: Principal,
    sectionId: string,
    lessonIds: string[],
  ): Promise<SectionWithLessons> {
    const section = await this.gate.section(principal, sectionId);
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, section.courseId);
      await this.gate.applyEdit(manager, course, { kind: 'reorder' });
      const current = await this.structure.lessonsOf(manager, { sectionId });
      const problems = lessonOrderProblems(
        current.map((lesson) => lesson.id),
        lessonIds,
      );
      if (problems)
        throw CourseError.invalid({ lessonIds: describeOrderProblems(problems) }, { ...problems });
      if (lessonIds.length > 0) await this.lessons.reorder(manager, sectionId, lessonIds);
      const lessons = await this.structure.lessonsOf(manager, { sectionId });
      return {
        id: section.id,
        title: section.title,
        position: section.position,
        lessons: await this.structure.lessonViews(manager, lessons, 'staff'),
      };
    });
  }
}
