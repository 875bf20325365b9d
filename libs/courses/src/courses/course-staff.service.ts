import type { Principal } from '@lifelong/identity';
import { AccessPolicy } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { CourseError } from '../course-error';
import { APPROVER_ROLES, AUTHOR_ROLES } from '../policies';
import type { CourseStatus } from './course-status';

/** Statuses anyone may open by id: published, and archived for learners who keep records. */
export const OPEN_STATUSES: readonly CourseStatus[] = ['published', 'archived'];

/**
 * Course staff by scope: a facility's instructors and facility admins, and admins whose scope
 * covers the facility (an admin of its administrative unit, or the platform admin).
 */
@Injectable()
export class CourseStaff {
  constructor(private readonly access: AccessPolicy) {}

  /** True when `principal` may author courses of `facilityId`. */
  isAuthor(principal: Principal | null, facilityId: string): Promise<boolean> {
    if (!principal) return Promise.resolve(false);
    return this.access.covers(principal, AUTHOR_ROLES, {
      scopeType: 'facility',
      scopeId: facilityId,
    });
  }

  /** True when `principal` may approve publishing at `facilityId`. */
  isApprover(principal: Principal, facilityId: string): Promise<boolean> {
    return this.access.covers(principal, APPROVER_ROLES, {
      scopeType: 'facility',
      scopeId: facilityId,
    });
  }

  /**
   * Refuses a caller who does not author `course`'s facility: 404 when they could not even see
   * the course (a draft elsewhere is none of their business), 403 when it is public.
   */
  async assertAuthor(
    principal: Principal,
    course: { id: string; facilityId: string; status: CourseStatus },
  ): Promise<void> {
    if (await this.isAuthor(principal, course.facilityId)) return;
    if (!OPEN_STATUSES.includes(course.status)) throw CourseError.courseNotFound(course.id);
    throw new CourseError('FORBIDDEN', 'Only the staff of its facility may change this course');
  }

  /** Like {@link assertAuthor}, for approving: facility admins (and admins over them) only. */
  async assertApprover(
    principal: Principal,
    course: { id: string; facilityId: string; status: CourseStatus },
  ): Promise<void> {
    if (await this.isApprover(principal, course.facilityId)) return;
    if (
      !OPEN_STATUSES.includes(course.status) &&
      !(await this.isAuthor(principal, course.facilityId))
    )
      throw CourseError.courseNotFound(course.id);
    throw new CourseError('FORBIDDEN', 'Only an admin of its facility may approve this course');
  }
}
