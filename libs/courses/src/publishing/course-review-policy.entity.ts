import { UpdatedAtColumn } from '@lifelong/database';
import { Facility } from '@lifelong/organizations';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * Whether a facility reviews its courses before they reach the catalogue. Kept by courses (not on
 * `facilities`, which organizations owns); a facility without a row publishes directly.
 */
@Entity('course_review_policies')
export class CourseReviewPolicy {
  @PrimaryColumn({ type: 'char', length: 36 })
  facilityId!: string;

  @ManyToOne(() => Facility, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'facility_id',
    foreignKeyConstraintName: 'fk_course_review_policies_facility',
  })
  facility?: Facility;

  @Column({ type: 'boolean' })
  requiresReview!: boolean;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
