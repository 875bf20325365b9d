import { Course } from '@lifelong/courses';
import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Facility } from '@lifelong/organizations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A certificate template of a facility (`courseId` null) or of one of its courses. `scopeId`
 * is the course's id or else the facility's, unique, so each has at most one template.
 * Texts may use the placeholders of placeholders.ts; the logo is a small PNG or JPEG.
 */
@Entity('certificate_templates')
@Index('ix_certificate_templates_facility', ['facilityId'])
@Index('ix_certificate_templates_course', ['courseId'])
export class CertificateTemplate {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  facilityId!: string;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  courseId!: string | null;

  @Index('uq_certificate_templates_scope', { unique: true })
  @Column({ type: 'char', length: 36 })
  scopeId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 2000 })
  body!: string;

  @Column({ type: 'varchar', length: 200 })
  signerName!: string;

  @Column({ type: 'varchar', length: 200 })
  signerTitle!: string;

  @Column({ type: 'mediumblob', nullable: true, default: null })
  logo!: Buffer | null;

  @Column({ type: 'varchar', length: 20, nullable: true, default: null })
  logoType!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;

  @ManyToOne(() => Facility, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'facility_id',
    foreignKeyConstraintName: 'fk_certificate_templates_facility',
  })
  facility?: Facility;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_certificate_templates_course' })
  course?: Course;
}
