import { newId } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CourseError } from '../course-error';
import { AuthoringGate } from '../courses/authoring-gate';
import { plainText } from '../courses/course-input';
import { CourseRecords } from '../courses/course-records';
import { CourseStructure } from '../courses/course-structure';
import type { SectionView, SectionWithLessons } from '../courses/course-view';
import { describeOrderProblems, lessonOrderProblems } from '../lessons/lesson-order';
import { CourseSection } from './course-section.entity';

/** Sections of a course and the order of their lessons. */
@Injectable()
export class SectionAuthoring {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gate: AuthoringGate,
    private readonly records: CourseRecords,
    private readonly structure: CourseStructure,
  ) {}

  /** Adds a section at the end of the course. */
  async addSection(principal: Principal, courseId: string, title: string): Promise<SectionView> {
    await this.gate.course(principal, courseId);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.records.lock(manager, courseId);
      await this.gate.applyEdit(manager, course, { kind: 'add-section' });
      const last = await manager
        .getRepository(CourseSection)
        .findOne({ where: { courseId }, order: { position: 'DESC' }, select: { position: true } });
      const section = {
        id: newId(),
        courseId,
        title: plainText(title),
        position: (last?.position ?? 0) + 1,
      };
      await manager.getRepository(CourseSection).insert(section);
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
    return this.dataSource.transaction(async (manager) => {
      const course = await this.records.lock(manager, section.courseId);
      await this.gate.applyEdit(manager, course, { kind: 'reorder' });
      const current = await this.structure.lessonsOf(manager, { sectionId });
      const problems = lessonOrderProblems(
        current.map((lesson) => lesson.id),
        lessonIds,
      );
      if (problems)
        throw CourseError.invalid({ lessonIds: describeOrderProblems(problems) }, { ...problems });
      // One statement: positions are not unique-indexed, so no transient clash to dance around.
      if (lessonIds.length > 0)
        await manager.query(
          `UPDATE \`lessons\` SET \`position\` = CASE \`id\` ${lessonIds.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE \`section_id\` = ?`,
          [...lessonIds.flatMap((id, index) => [id, index + 1]), sectionId],
        );
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
