import { type Page, pageOffset, type PageQuery, searchQuery, toPage } from '@lifelong/common';
import { AccessPolicy, type Principal, type Role } from '@lifelong/identity';
import { FacilityDirectory, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { Course } from '../courses/course.entity';
import { CourseRecords } from '../courses/course-records';
import { APPROVER_ROLES, AUTHOR_ROLES } from '../policies';
import type { CourseStatus } from '../courses/course-status';
import { courseView, type CourseView } from '../courses/course-view';
import { CourseReviewPolicy } from '../publishing/course-review-policy.entity';

/** A facility the caller authors for, as the studio shows it. */
export interface StudioFacilityView {
  id: string;
  name: string;
  type: string;
  /** Its courses wait for a facility admin's approval before the catalogue. */
  requiresReview: boolean;
  /** The caller may approve its courses. */
  approver: boolean;
}

/** A course in the studio's lists: the course, its facility's name and when it last changed. */
export interface StudioCourseView extends CourseView {
  facilityName: string;
  updatedAt: Date;
}

export interface StudioCourseFilter {
  status?: CourseStatus;
  facilityId?: string;
  q?: string;
  /** Only courses the caller may approve (the review queue), not all those they author. */
  approving?: boolean;
}

/**
 * Where a principal works, as SQL: the facilities named by their facility grants and those
 * located in the subtrees of their administrative-unit grants; `everywhere` for a platform
 * admin. Org-unit grants author nothing.
 */
interface Workplaces {
  everywhere: boolean;
  facilityIds: string[];
  adminUnitPatterns: string[];
}

/**
 * The studio's lists: the courses of every facility where the caller authors (or approves), in
 * every state, and those facilities. The routes of single courses check access one by one
 * (CourseStaff); these lists filter by the same scopes in SQL, so they page on the server.
 */
@Injectable()
export class StudioCourses {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly records: CourseRecords,
    private readonly directory: FacilityDirectory,
  ) {}

  /** The facilities the caller authors for, by name. */
  async facilities(principal: Principal, query: PageQuery): Promise<Page<StudioFacilityView>> {
    const authoring = await this.workplaces(principal, AUTHOR_ROLES);
    // Facilities and their places through the read models organizations publishes.
    const builder = this.dataSource
      .createQueryBuilder()
      .from('facilities_view', 'f')
      .innerJoin('admin_units_view', 'u', 'u.id = f.admin_unit_id');
    if (!this.within(builder, authoring, 'f.id')) return toPage([], 0, query);
    const [facilities, counted] = await Promise.all([
      builder
        .clone()
        .select(['f.id AS id', 'f.name AS name', 'f.type AS type'])
        .orderBy('f.name', 'ASC')
        .addOrderBy('f.id', 'ASC')
        .offset(pageOffset(query))
        .limit(query.pageSize)
        .getRawMany<{ id: string; name: string; type: string }>(),
      builder.clone().select('COUNT(*)', 'total').getRawOne<{ total: number | string }>(),
    ]);
    const total = Number(counted?.total ?? 0);
    const ids = facilities.map((facility) => facility.id);
    const [policies, approvable] = await Promise.all([
      ids.length
        ? this.dataSource.getRepository(CourseReviewPolicy).findBy({ facilityId: In(ids) })
        : [],
      this.approvable(principal, ids),
    ]);
    const reviewed = new Set(
      policies.filter((policy) => policy.requiresReview).map((policy) => policy.facilityId),
    );
    return toPage(
      facilities.map((facility) => ({
        id: facility.id,
        name: facility.name,
        type: facility.type,
        requiresReview: reviewed.has(facility.id),
        approver: approvable.has(facility.id),
      })),
      total,
      query,
    );
  }

  /** The caller's courses, most recently changed first; the review queue oldest first. */
  async courses(
    principal: Principal,
    filter: StudioCourseFilter,
    query: PageQuery,
  ): Promise<Page<StudioCourseView>> {
    const places = await this.workplaces(
      principal,
      filter.approving ? APPROVER_ROLES : AUTHOR_ROLES,
    );
    const builder = this.dataSource
      .getRepository(Course)
      .createQueryBuilder('c')
      .innerJoin('facilities_view', 'f', 'f.id = c.facility_id')
      .innerJoin('admin_units_view', 'u', 'u.id = f.admin_unit_id')
      .addSelect('f.name', 'facility_name');
    if (!this.within(builder, places, 'c.facilityId')) return toPage([], 0, query);
    if (filter.status) builder.andWhere('c.status = :status', { status: filter.status });
    if (filter.facilityId)
      builder.andWhere('c.facilityId = :facility', { facility: filter.facilityId });
    const match = filter.q ? searchQuery(filter.q) : null;
    if (match)
      builder.andWhere('MATCH (c.search_text) AGAINST (:match IN BOOLEAN MODE)', { match });
    // A review queue is served in turn; an author's list starts with what they touched last.
    const order = filter.approving ? 'ASC' : 'DESC';
    builder
      .orderBy('c.updatedAt', order)
      .addOrderBy('c.id', order)
      .offset(pageOffset(query))
      .limit(query.pageSize);
    const [{ entities, raw }, total] = await Promise.all([
      builder.getRawAndEntities<{ facility_name: string }>(),
      builder.getCount(),
    ]);
    const tags = await this.records.tagsOf(
      this.dataSource.manager,
      entities.map((course) => course.id),
    );
    return toPage(
      entities.map((course, index) => ({
        ...courseView(course, tags.get(course.id) ?? []),
        facilityName: raw[index]?.facility_name ?? '',
        updatedAt: course.updatedAt,
      })),
      total,
      query,
    );
  }

  /** Restricts `builder` to the workplaces; false when there are none (an empty answer). */
  private within<T extends object>(
    builder: SelectQueryBuilder<T>,
    places: Workplaces,
    facilityColumn: string,
  ): boolean {
    if (places.everywhere) return true;
    if (places.facilityIds.length === 0 && places.adminUnitPatterns.length === 0) return false;
    builder.andWhere(
      new Brackets((where) => {
        if (places.facilityIds.length)
          where.orWhere(`${facilityColumn} IN (:...facilityIds)`, {
            facilityIds: places.facilityIds,
          });
        places.adminUnitPatterns.forEach((pattern, index) =>
          where.orWhere(`u.path LIKE :unit${index}`, { [`unit${index}`]: pattern }),
        );
      }),
    );
    return true;
  }

  private async workplaces(principal: Principal, roles: readonly Role[]): Promise<Workplaces> {
    const reach = this.access.reach(principal, roles);
    if (reach.everywhere) return { everywhere: true, facilityIds: [], adminUnitPatterns: [] };
    const facilityIds = reach.scopes
      .filter((scope) => scope.scopeType === 'facility')
      .map((scope) => scope.scopeId);
    const unitIds = reach.scopes
      .filter((scope) => scope.scopeType === 'admin_unit')
      .map((scope) => scope.scopeId);
    const paths = await Promise.all(unitIds.map((id) => this.directory.adminUnitPath(id)));
    return {
      everywhere: false,
      facilityIds,
      adminUnitPatterns: paths.flatMap((path) => (path === null ? [] : [subtreePattern(path)])),
    };
  }

  /** Which of `facilityIds` the caller may approve at. */
  private async approvable(principal: Principal, facilityIds: string[]): Promise<Set<string>> {
    const approved = await Promise.all(
      facilityIds.map((facilityId) =>
        this.access.covers(principal, APPROVER_ROLES, {
          scopeType: 'facility',
          scopeId: facilityId,
        }),
      ),
    );
    return new Set(facilityIds.filter((_, index) => approved[index]));
  }
}
