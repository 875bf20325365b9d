import { Course } from '@lifelong/courses';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { EnrollmentSource, EnrollmentStatus } from './enrollment.rules';

/**
 * One learner in one course (unique). `enrolledAt` is when they joined the course or its
 * waitlist, so the oldest waitlisted learner is the first by (`course_id`, `status`,
 * `enrolled_at`). `progressPercent` is kept up to date whenever a lesson completes.
 */
@Entity('enrollments')
@Index('uq_enrollments_course_user', ['courseId', 'userId'], { unique: true })
@Index('ix_enrollments_course_status', ['courseId', 'status', 'enrolledAt'])
@Index('ix_enrollments_user', ['userId', 'enrolledAt'])
export class Enrollment {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  courseId!: string;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: EnrollmentStatus;

  @Column({ type: 'varchar', length: 20, default: 'self' })
  source!: EnrollmentSource;

  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  progressPercent!: number;

  @Column({ type: 'datetime', precision: 3 })
  enrolledAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  completedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  withdrawnAt!: Date | null;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_enrollments_course' })
  course?: Course;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_enrollments_user' })
  user?: User;
}
