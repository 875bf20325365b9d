import type { Principal } from '@lifelong/identity';
import { FacilityDirectory } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import { CourseStaff } from '../courses/course-staff.service';
import { ReviewPoliciesRepository } from './review-policies.repository';

/** A facility's review policy as the api shows it. */
export interface ReviewPolicyView {
  facilityId: string;
  requiresReview: boolean;
}

/** Whether a facility reviews courses before they reach the catalogue. */
@Injectable()
export class ReviewPolicies {
  constructor(
    private readonly policies: ReviewPoliciesRepository,
    private readonly staff: CourseStaff,
    private readonly facilities: FacilityDirectory,
  ) {}

  /** The facility's policy; its authors and approvers may read it. */
  async get(principal: Principal, facilityId: string): Promise<ReviewPolicyView> {
    await this.assertFacility(facilityId);
    if (!(await this.staff.isAuthor(principal, facilityId)))
      throw new CourseError('FORBIDDEN', 'Only the staff of this facility may see its policy');
    return {
      facilityId,
      requiresReview: await this.requiresReview(facilityId),
    };
  }

  /** Sets the policy; a facility admin of the facility (or an admin over it) may. */
  async set(
    principal: Principal,
    facilityId: string,
    requiresReview: boolean,
  ): Promise<ReviewPolicyView> {
    await this.assertFacility(facilityId);
    if (!(await this.staff.isApprover(principal, facilityId)))
      throw new CourseError(
        'FORBIDDEN',
        'Only an admin of this facility may set its review policy',
      );
    await this.policies.save(facilityId, requiresReview);
    return { facilityId, requiresReview };
  }

  /**
   * True when the facility's courses wait for a facility admin's approval; in the caller's
   * transaction when it passes `manager`.
   */
  async requiresReview(facilityId: string, manager?: EntityManager): Promise<boolean> {
    const policy = await this.policies.findByFacility(facilityId, manager);
    return policy?.requiresReview ?? false;
  }

  private async assertFacility(facilityId: string): Promise<void> {
    if (!(await this.facilities.exists(facilityId)))
      throw new CourseError('FACILITY_NOT_FOUND', `There is no facility ${facilityId}`);
  }
}
