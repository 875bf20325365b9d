import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { FacilityDirectory, type FacilityType, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CourseError } from '../course-error';
import { Course } from '../courses/course.entity';
import { CoursesRepository } from '../courses/courses.repository';
import { CourseStaff, OPEN_STATUSES } from '../courses/course-staff';
import { CourseStructure } from '../courses/course-structure';
import {
  courseView,
  type CourseDetailView,
  type CourseFacilityView,
  type CourseView,
} from '../courses/course-view';
import type { CourseStatus } from '../courses/course-status';
import {
  type CatalogueCriteria,
  catalogueStatements,
  catalogueTagsStatements,
  type CourseRow,
  courseTagsStatement,
  rareWord,
  countCap,
  wordCountsStatement,
  wordsOf,
} from './catalogue-sql';
import { searchWords, tagKey } from '@lifelong/common';

/** The catalogue's filters as a visitor sends them. */
export interface CatalogueFilter {
  q?: string;
  facilityId?: string;
  /** Courses of facilities anywhere in this administrative unit's subtree. */
  adminUnitId?: string;
  tag?: string;
  facilityType?: FacilityType;
}

/**
 * A page of the catalogue. `total` counts matches up to PAGES_AHEAD pages past this one;
 * `totalCapped` says there are more ("120+"): counting every match of a broad search would cost
 * the whole catalogue at each request.
 */
export interface CataloguePage extends Page<CourseView> {
  totalCapped: boolean;
}

/** A tag of the catalogue and how many published courses carry it. */
export interface CatalogueTag {
  tag: string;
  courses: number;
}

/** The public catalogue (published courses only) and a course's page. */
@Injectable()
export class CourseCatalogue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: CourseStaff,
    private readonly records: CoursesRepository,
    private readonly structure: CourseStructure,
    private readonly facilities: FacilityDirectory,
  ) {}

  /**
   * Published courses matching every filter given, newest first. A `q` with nothing searchable in it
   * (punctuation, emoji) is no text filter; an unknown administrative unit, or a tag with no
   * letter or digit, matches nothing.
   */
  async list(filter: CatalogueFilter, query: PageQuery): Promise<CataloguePage> {
    const criteria = await this.criteria(filter);
    if (!criteria) return { ...toPage([], 0, query), totalCapped: false };
    if (criteria.text) {
      const counts = wordCountsStatement(criteria.text);
      const [row] = await this.dataSource.query<Record<string, string | number>[]>(
        counts.sql,
        counts.params,
      );
      criteria.start = rareWord(
        criteria.text,
        wordsOf(criteria.text).map((_, i) => Number(row?.[`w${i}`] ?? 0)),
      );
    }
    const page = { offset: pageOffset(query), limit: query.pageSize };
    const { items, count } = catalogueStatements(criteria, page);
    const [rows, [total]] = await Promise.all([
      this.dataSource.query<CourseRow[]>(items.sql, items.params),
      this.dataSource.query<{ total: string | number }[]>(count.sql, count.params),
    ]);
    const tags = await this.tagsOf(rows.map((row) => row.id));
    const counted = Number(total?.total ?? 0);
    return {
      ...toPage(
        rows.map((row) => rowView(row, tags.get(row.id) ?? [])),
        Math.min(counted, countCap(page)),
        query,
      ),
      totalCapped: counted > countCap(page),
    };
  }

  /** The tags a visitor can filter by: those of published courses, most used first. */
  async tags(query: PageQuery): Promise<Page<CatalogueTag>> {
    const { items, count } = catalogueTagsStatements({
      offset: pageOffset(query),
      limit: query.pageSize,
    });
    const [rows, [total]] = await Promise.all([
      this.dataSource.query<{ tag: string; courses: string | number }[]>(items.sql, items.params),
      this.dataSource.query<{ total: string | number }[]>(count.sql, count.params),
    ]);
    return toPage(
      rows.map((row) => ({ tag: row.tag, courses: Number(row.courses) })),
      Number(total?.total ?? 0),
      query,
    );
  }

  /**
   * A course with its sections and lessons. Anyone may open a published or archived course;
   * a draft or a course in review only its facility's staff (404 for anyone else). Quiz answers
   * (`correct`) are in the staff's view only.
   */
  async detail(principal: Principal | null, courseId: string): Promise<CourseDetailView> {
    const course = await this.dataSource.getRepository(Course).findOneBy({ id: courseId });
    if (!course) throw CourseError.courseNotFound(courseId);
    const isStaff = await this.staff.isAuthor(principal, course.facilityId);
    if (!isStaff && !OPEN_STATUSES.includes(course.status))
      throw CourseError.courseNotFound(courseId);
    const manager = this.dataSource.manager;
    const tags = await this.records.tagsOf(manager, [courseId]);
    return {
      ...courseView(course, tags.get(courseId) ?? []),
      facility: await this.facilityOf(course.facilityId),
      sections: await this.structure.sections(manager, courseId, isStaff ? 'staff' : 'learner'),
      ...(isStaff
        ? {
            reviewNote:
              course.reviewNote && course.reviewNoteAt
                ? { comment: course.reviewNote, at: course.reviewNoteAt }
                : null,
          }
        : {}),
    };
  }

  private async criteria(filter: CatalogueFilter): Promise<CatalogueCriteria | null> {
    const criteria: CatalogueCriteria = { text: filter.q ? searchWords(filter.q) : null };
    if (filter.facilityId !== undefined) criteria.facilityId = filter.facilityId;
    if (filter.facilityType !== undefined) criteria.facilityType = filter.facilityType;
    if (filter.tag !== undefined) {
      criteria.tagKey = tagKey(filter.tag);
      if (!criteria.tagKey) return null;
    }
    if (filter.adminUnitId !== undefined) {
      const path = await this.facilities.adminUnitPath(filter.adminUnitId);
      if (path === null) return null;
      criteria.adminUnitPattern = subtreePattern(path);
    }
    return criteria;
  }

  /** The facility's name and kind, and where it is: its unit up to the province. */
  private facilityOf(facilityId: string): Promise<CourseFacilityView | null> {
    return this.facilities.card(facilityId);
  }

  private async tagsOf(courseIds: string[]): Promise<Map<string, string[]>> {
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

function rowView(row: CourseRow, tags: string[]): CourseView {
  return {
    ...row,
    hours: row.hours === null ? null : Number(row.hours),
    status: row.status as CourseStatus,
    activeEnrollments: Number(row.activeEnrollments),
    tags,
  };
}
