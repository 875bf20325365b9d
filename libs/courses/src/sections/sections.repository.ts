import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CourseSection } from './course-section.entity';

/** Queries on course sections. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class SectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<CourseSection | null> {
    return this.dataSource.getRepository(CourseSection).findOneBy({ id });
  }

  /** The course's sections, by position. */
  listOf(manager: EntityManager, courseId: string): Promise<CourseSection[]> {
    return manager
      .getRepository(CourseSection)
      .find({ where: { courseId }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** The highest position in the course; undefined when it has no sections. */
  async lastPosition(manager: EntityManager, courseId: string): Promise<number | undefined> {
    const last = await manager
      .getRepository(CourseSection)
      .findOne({ where: { courseId }, order: { position: 'DESC' }, select: { position: true } });
    return last?.position;
  }

  async insert(
    manager: EntityManager,
    section: Pick<CourseSection, 'id' | 'courseId' | 'title' | 'position'>,
  ): Promise<void> {
    await manager.getRepository(CourseSection).insert(section);
  }
}
