import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { CourseReviewPolicy } from './course-review-policy.entity';

/** Facilities' review policies. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class ReviewPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByFacility(
    facilityId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CourseReviewPolicy | null> {
    return manager.getRepository(CourseReviewPolicy).findOneBy({ facilityId });
  }

  /** The policies of these facilities (a facility without one is absent). */
  ofFacilities(facilityIds: readonly string[]): Promise<CourseReviewPolicy[]> {
    return this.dataSource
      .getRepository(CourseReviewPolicy)
      .findBy({ facilityId: In([...facilityIds]) });
  }

  async save(facilityId: string, requiresReview: boolean): Promise<void> {
    await this.dataSource
      .getRepository(CourseReviewPolicy)
      .upsert({ facilityId, requiresReview }, ['facilityId']);
  }
}
