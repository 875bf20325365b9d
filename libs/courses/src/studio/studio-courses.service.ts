import { type Page, type PageQuery, toPage } from '@lifelong/common';
import { AccessPolicy, type Principal, type Role } from '@lifelong/identity';
import { FacilityDirectory, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { APPROVER_ROLES, AUTHOR_ROLES } from '../policies';
import type { CourseStatus } from '../courses/course-status';
import { courseView, type CourseView } from '../courses/course-view';
import { CoursesRepository } from '../courses/courses.repository';
import { ReviewPoliciesRepository } from '../publishing/review-policies.repository';
import { StudioCoursesRepository, type Workplaces } from './studio-courses.repository';

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
 * The studio's lists: the courses of every facility where the caller authors (or approves), in
 * every state, and those facilities. The routes of single courses check access one by one
 * (CourseStaff); these lists filter by the same scopes in SQL, so they page on the server.
 */
@Injectable()
export class StudioCourses {
  constructor(
    private readonly lists: StudioCoursesRepository,
    private readonly access: AccessPolicy,
    private readonly records: CoursesRepository,
    private readonly policies: ReviewPoliciesRepository,
    private readonly directory: FacilityDirectory,
  ) {}

  /** The facilities the caller authors for, by name. */
  async facilities(principal: Principal, query: PageQuery): Promise<Page<StudioFacilityView>> {
    const authoring = await this.workplaces(principal, AUTHOR_ROLES);
    const { rows: facilities, total } = await this.lists.facilities(authoring, query);
    const ids = facilities.map((facility) => facility.id);
    const [policies, approvable] = await Promise.all([
      ids.length ? this.policies.ofFacilities(ids) : [],
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
    const { courses, total } = await this.lists.courses(
      places,
      {
        status: filter.status,
        facilityId: filter.facilityId,
        q: filter.q,
        // A review queue is served in turn; an author's list starts with what they touched last.
        oldestFirst: filter.approving === true,
      },
      query,
    );
    const tags = await this.records.tagsOfCourses(courses.map(({ course }) => course.id));
    return toPage(
      courses.map(({ course, facilityName }) => ({
        ...courseView(course, tags.get(course.id) ?? []),
        facilityName,
        updatedAt: course.updatedAt,
      })),
      total,
      query,
    );
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
