import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Course } from '../courses/course.entity';
import {
  type CatalogueCriteria,
  catalogueTagsStatements,
  courseRowsStatement,
  type CourseRow,
  courseTagsStatement,
  facilitiesStatement,
  type SqlStatement,
  termCountsStatement,
  type TermCounts,
} from './catalogue-sql';

/**
 * Runs the catalogue's statements, which `catalogue-sql.ts` builds (and its plan tests read):
 * the matches of a page, the listing's counts, the facilities of a subtree, rows and tags by id.
 */
@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The reader everything else of a course page reads with (no transaction). */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The ids a matches statement finds, in its order. */
  async matchingIds(statement: SqlStatement): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(statement.sql, statement.params);
    return rows.map((row) => row.id);
  }

  course(courseId: string): Promise<Course | null> {
    return this.dataSource.getRepository(Course).findOneBy({ id: courseId });
  }

  /** A page of the tags of published courses, most used first, and how many there are. */
  async tags(page: {
    offset: number;
    limit: number;
  }): Promise<{ rows: { tag: string; courses: number }[]; total: number }> {
    const { items, count } = catalogueTagsStatements(page);
    const [rows, [total]] = await Promise.all([
      this.dataSource.query<{ tag: string; courses: string | number }[]>(items.sql, items.params),
      this.dataSource.query<{ total: string | number }[]>(count.sql, count.params),
    ]);
    return {
      rows: rows.map((row) => ({ tag: row.tag, courses: Number(row.courses) })),
      total: Number(total?.total ?? 0),
    };
  }

  /** The facilities in a subtree (or of a type), through organizations' published views. */
  async facilityIds(where: Parameters<typeof facilitiesStatement>[0]): Promise<string[]> {
    const statement = facilitiesStatement(where);
    const rows = await this.dataSource.query<{ id: string }[]>(statement.sql, statement.params);
    return rows.map((row) => row.id);
  }

  /** How many listed courses the criteria's keys have, and the listed words the prefix starts. */
  async termCounts(criteria: CatalogueCriteria): Promise<TermCounts> {
    const statement = termCountsStatement(criteria);
    const rows = await this.dataSource.query<
      { term: string; courses: string | number; prefixed: string | number }[]
    >(statement.sql, statement.params);
    const counts: TermCounts = { courses: new Map(), prefixTerms: [] };
    for (const row of rows) {
      counts.courses.set(row.term, Number(row.courses));
      if (Number(row.prefixed) === 1) counts.prefixTerms.push(row.term);
    }
    return counts;
  }

  async rowsOf(courseIds: string[]): Promise<Map<string, CourseRow>> {
    if (courseIds.length === 0) return new Map();
    const statement = courseRowsStatement(courseIds);
    const rows = await this.dataSource.query<CourseRow[]>(statement.sql, statement.params);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async tagsOf(courseIds: string[]): Promise<Map<string, string[]>> {
    const tags = new Map<string, string[]>(courseIds.map((id) => [id, []]));
    if (courseIds.length === 0) return tags;
    const statement = courseTagsStatement(courseIds);
    const rows = await this.dataSource.query<{ courseId: string; tag: string }[]>(
      statement.sql,
      statement.params,
    );
    for (const row of rows) tags.get(row.courseId)?.push(row.tag);
    return tags;
  }
}
