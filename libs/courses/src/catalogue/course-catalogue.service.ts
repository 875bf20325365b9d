import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { FacilityDirectory, type FacilityType, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { CourseError } from '../course-error';
import { CoursesRepository } from '../courses/courses.repository';
import { CatalogueRepository } from './catalogue.repository';
import { CourseStaff, OPEN_STATUSES } from '../courses/course-staff.service';
import { CourseStructure } from '../courses/course-structure.service';
import {
  courseView,
  type CourseDetailView,
  type CourseFacilityView,
  type CourseView,
} from '../courses/course-view';
import type { CourseStatus } from '../courses/course-status';
import {
  type CatalogueCriteria,
  chooseWalk,
  type CourseRow,
  countCap,
  FACILITY_LIST,
  matchesStatement,
  type SqlStatement,
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
    private readonly catalogue: CatalogueRepository,
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
    const page = { offset: pageOffset(query), limit: query.pageSize };
    const matches = await this.matchesStatement(filter, page);
    if (!matches) return { ...toPage([], 0, query), totalCapped: false };
    const ids = await this.catalogue.matchingIds(matches);
    const pageIds = ids.slice(page.offset, page.offset + page.limit);
    const [rows, tags] = await Promise.all([
      this.catalogue.rowsOf(pageIds),
      this.catalogue.tagsOf(pageIds),
    ]);
    return {
      ...toPage(
        pageIds.flatMap((id) => {
          const row = rows.get(id);
          return row ? [rowView(row, tags.get(id) ?? [])] : [];
        }),
        Math.min(ids.length, countCap(page)),
        query,
      ),
      totalCapped: ids.length > countCap(page),
    };
  }

  /** The tags a visitor can filter by: those of published courses, most used first. */
  async tags(query: PageQuery): Promise<Page<CatalogueTag>> {
    const { rows, total } = await this.catalogue.tags({
      offset: pageOffset(query),
      limit: query.pageSize,
    });
    return toPage(rows, total, query);
  }

  /**
   * A course with its sections and lessons. Anyone may open a published or archived course;
   * a draft or a course in review only its facility's staff (404 for anyone else). Quiz answers
   * (`correct`) are in the staff's view only.
   */
  async detail(principal: Principal | null, courseId: string): Promise<CourseDetailView> {
    const course = await this.catalogue.course(courseId);
    if (!course) throw CourseError.courseNotFound(courseId);
    const isStaff = await this.staff.isAuthor(principal, course.facilityId);
    if (!isStaff && !OPEN_STATUSES.includes(course.status))
      throw CourseError.courseNotFound(courseId);
    const manager = this.catalogue.manager;
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

  /**
   * The statement that finds a page's matches (its plan tests read it), or null when nothing
   * can match: a key (a whole word, the tag, the facility) no listed course has.
   */
  async matchesStatement(
    filter: CatalogueFilter,
    page: { offset: number; limit: number },
  ): Promise<SqlStatement | null> {
    const criteria = await this.criteria(filter);
    if (!criteria) return null;
    if (criteria.text || criteria.tagKey !== undefined || criteria.facilities) {
      const counts = await this.catalogue.termCounts(criteria);
      const walk = chooseWalk(criteria, counts, countCap(page) + 1);
      if (!walk) return null;
      criteria.walk = walk;
    }
    return matchesStatement(criteria, page);
  }

  private async criteria(filter: CatalogueFilter): Promise<CatalogueCriteria | null> {
    const criteria: CatalogueCriteria = { text: filter.q ? searchWords(filter.q) : null };
    if (filter.tag !== undefined) {
      criteria.tagKey = tagKey(filter.tag);
      if (!criteria.tagKey) return null;
    }
    if (filter.adminUnitId === undefined && filter.facilityType === undefined) {
      if (filter.facilityId !== undefined)
        criteria.facilities = { facilityIds: [filter.facilityId] };
      return criteria;
    }
    let adminUnitPattern: string | undefined;
    if (filter.adminUnitId !== undefined) {
      const path = await this.facilities.adminUnitPath(filter.adminUnitId);
      if (path === null) return null;
      adminUnitPattern = subtreePattern(path);
    }
    const where = {
      ...(adminUnitPattern !== undefined ? { adminUnitPattern } : {}),
      ...(filter.facilityType !== undefined ? { facilityType: filter.facilityType } : {}),
    };
    const facilityIds = await this.catalogue.facilityIds({
      ...where,
      ...(filter.facilityId !== undefined ? { facilityId: filter.facilityId } : {}),
    });
    if (facilityIds.length === 0) return null;
    criteria.facilities = facilityIds.length > FACILITY_LIST ? where : { facilityIds };
    return criteria;
  }

  /** The facility's name and kind, and where it is: its unit up to the province. */
  private facilityOf(facilityId: string): Promise<CourseFacilityView | null> {
    return this.facilities.card(facilityId);
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
