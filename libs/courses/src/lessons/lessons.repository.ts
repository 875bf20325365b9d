import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Lesson } from './lesson.entity';

/** Queries on lessons. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class LessonsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Lesson | null> {
    return manager.getRepository(Lesson).findOneBy({ id });
  }

  /** The lesson; throws when there is none (the caller has found it before). */
  getById(manager: EntityManager, id: string): Promise<Lesson> {
    return manager.getRepository(Lesson).findOneByOrFail({ id });
  }

  /** The lessons of a section or a course, by position. */
  listOf(
    manager: EntityManager,
    where: { courseId: string } | { sectionId: string },
  ): Promise<Lesson[]> {
    return manager.getRepository(Lesson).find({ where, order: { position: 'ASC', id: 'ASC' } });
  }

  /** The highest position in the section; undefined when it has no lessons. */
  async lastPosition(manager: EntityManager, sectionId: string): Promise<number | undefined> {
    const last = await manager
      .getRepository(Lesson)
      .findOne({ where: { sectionId }, order: { position: 'DESC' }, select: { position: true } });
    return last?.position;
  }

  async insert(manager: EntityManager, lesson: Lesson): Promise<void> {
    await manager.getRepository(Lesson).insert(lesson);
  }

  async update(manager: EntityManager, id: string, changes: Partial<Lesson>): Promise<void> {
    await manager.getRepository(Lesson).update({ id }, changes);
  }

  /**
   * Numbers the section's lessons 1, 2, … in the order of `lessonIds`, in one statement:
   * positions are not unique-indexed, so no transient clash to dance around.
   */
  async reorder(
    manager: EntityManager,
    sectionId: string,
    lessonIds: readonly string[],
  ): Promise<void> {
    await manager.query(
      `UPDATE \`lessons\` SET \`position\` = CASE \`id\` ${lessonIds.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE \`section_id\` = ?`,
      [...lessonIds.flatMap((id, index) => [id, index + 1]), sectionId],
    );
  }
}
