import { Course } from '@lifelong/courses';
import { NullableDecimalColumn } from '@lifelong/database';
import { Enrollment } from '@lifelong/enrollment';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * One certificate, at most one per enrollment (`uq_certificates_enrollment` is the guarantee
 * when a job runs twice). Holder, course and facility are kept as they were at issue; the
 * signed Open Badges credential (VC-JWT) is stored with the id of the key that signed it, so
 * it keeps verifying after a key rotation. `pdfKey` is set once the PDF is in storage.
 */
@Entity('certificates')
@Index('ix_certificates_user', ['userId', 'issuedAt'])
@Index('ix_certificates_course', ['courseId', 'issuedAt'])
export class Certificate {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('uq_certificates_serial', { unique: true })
  @Column({ type: 'char', length: 14 })
  serial!: string;

  @Index('uq_certificates_enrollment', { unique: true })
  @Column({ type: 'char', length: 36 })
  enrollmentId!: string;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  @Column({ type: 'char', length: 36 })
  courseId!: string;

  @Column({ type: 'char', length: 36 })
  facilityId!: string;

  /** The template it was printed from; null for the default one. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  templateId!: string | null;

  @Column({ type: 'varchar', length: 300 })
  holderName!: string;

  @Column({ type: 'varchar', length: 200 })
  courseTitle!: string;

  @Column({ type: 'varchar', length: 200 })
  facilityName!: string;

  @NullableDecimalColumn(5, 1)
  hours!: number | null;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  expiresAt!: Date | null;

  @Column({ type: 'varchar', length: 64 })
  keyId!: string;

  /** The Open Badges 3.0 credential as a VC-JWT (EdDSA). */
  @Column({ type: 'text' })
  credential!: string;

  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  pdfKey!: string | null;

  /** When the holder made the credential public; null while only they and staff may fetch it. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  sharedAt!: Date | null;

  @ManyToOne(() => Enrollment, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_certificates_enrollment' })
  enrollment?: Enrollment;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_certificates_user' })
  user?: User;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_certificates_course' })
  course?: Course;
}
