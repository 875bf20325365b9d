import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, type EntityManager } from 'typeorm';
import { documentTerms, searchDocument } from '@lifelong/common';
import { CourseError } from '../course-error';
import { Course } from './course.entity';
import type { NormalizedTag } from './course-input';
import { CourseTag } from './course-tag.entity';
import { courseView, type CourseView } from './course-view';

/** What an authoring check needs of a course. */
export type CourseRef = Pick<Course, 'id' | 'facilityId' | 'status'>;

/** Course rows and their tags. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Authoring changes lock the course row first (see {@link lock}), then write. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The course's id, facility and status; null when there is no such course. */
  findRef(courseId: string): Promise<CourseRef | null> {
    return this.dataSource
      .getRepository(Course)
      .findOne({ where: { id: courseId }, select: { id: true, facilityId: true, status: true } });
  }

  async insert(manager: EntityManager, course: Course): Promise<void> {
    await manager.getRepository(Course).insert(course);
  }

  async update(manager: EntityManager, courseId: string, changes: Partial<Course>): Promise<void> {
    await manager.getRepository(Course).update({ id: courseId }, changes);
  }

  /** The course, locked for the rest of the transaction (authoring and seats serialize on it). */
  async lock(manager: EntityManager, courseId: string): Promise<Course> {
    const course = await manager
      .getRepository(Course)
      .createQueryBuilder('course')
      .setLock('pessimistic_write')
      .where('course.id = :courseId', { courseId })
      .getOne();
    if (!course) throw CourseError.courseNotFound(courseId);
    return course;
  }

  /** Tags of each course, in the order the author gave them. */
  async tagsOf(manager: EntityManager, courseIds: string[]): Promise<Map<string, string[]>> {
    const tags = new Map<string, string[]>(courseIds.map((id) => [id, []]));
    if (courseIds.length === 0) return tags;
    const rows = await manager.getRepository(CourseTag).find({
      where: { courseId: In(courseIds) },
      order: { courseId: 'ASC', position: 'ASC' },
    });
    for (const row of rows) tags.get(row.courseId)?.push(row.tag);
    return tags;
  }

  /** {@link tagsOf}, outside any transaction. */
  tagsOfCourses(courseIds: string[]): Promise<Map<string, string[]>> {
    return this.tagsOf(this.dataSource.manager, courseIds);
  }

  async replaceTags(
    manager: EntityManager,
    courseId: string,
    tags: NormalizedTag[],
  ): Promise<void> {
    await manager.getRepository(CourseTag).delete({ courseId });
    if (tags.length)
      await manager
        .getRepository(CourseTag)
        .insert(tags.map(({ tag, key }, position) => ({ courseId, tag, tagKey: key, position })));
  }

  /** The folded search document of a course: its title, summary and tags. */
  searchText(course: Pick<Course, 'title' | 'summary'>, tags: readonly string[]): string {
    return searchDocument([course.title, course.summary, ...tags]);
  }

  /**
   * Rewrites the course's rows of `course_search_terms` (the catalogue's word table) from the
   * same fields as `searchText`: called in the transaction that writes `search_text`.
   */
  async replaceSearchTerms(
    manager: EntityManager,
    course: Pick<Course, 'id' | 'title' | 'summary'>,
    tags: readonly string[],
  ): Promise<void> {
    await manager.query('DELETE FROM `course_search_terms` WHERE `course_id` = ?', [course.id]);
    const terms = documentTerms([course.title, course.summary, ...tags]);
    if (terms.length)
      await manager.query('INSERT INTO `course_search_terms` (`course_id`, `term`) VALUES ?', [
        terms.map((term) => [course.id, term]),
      ]);
  }

  async view(manager: EntityManager, courseId: string): Promise<CourseView> {
    const course = await manager.getRepository(Course).findOneBy({ id: courseId });
    if (!course) throw CourseError.courseNotFound(courseId);
    const tags = await this.tagsOf(manager, [courseId]);
    return courseView(course, tags.get(courseId) ?? []);
  }
}
