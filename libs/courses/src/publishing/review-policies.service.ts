import type { Principal } from '@lifelong/identity';
import { FacilityDirectory } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import { CourseStaff } from '../courses/course-staff';
import { CourseReviewPolicy } from './course-review-policy.entity';

/** A facility's review policy as the api shows it. */
export interface ReviewPolicyView {
  facilityId: string;
  requiresReview: boolean;
}

/** Whether a facility reviews courses before they reach the catalogue. */
@Injectable()
export class ReviewPolicies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
      requiresReview: await this.requiresReview(this.dataSource.manager, facilityId),
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
    await this.dataSource
      .getRepository(CourseReviewPolicy)
      .upsert({ facilityId, requiresReview }, ['facilityId']);
    return { facilityId, requiresReview };
  }

  /** True when the facility's courses wait for a facility admin's approval. */
  async requiresReview(manager: EntityManager, facilityId: string): Promise<boolean> {
    const policy = await manager.getRepository(CourseReviewPolicy).findOneBy({ facilityId });
    return policy?.requiresReview ?? false;
  }

  private async assertFacility(facilityId: string): Promise<void> {
    if (!(await this.facilities.exists(facilityId)))
      throw new CourseError('FACILITY_NOT_FOUND', `There is no facility ${facilityId}`);
  }
}
