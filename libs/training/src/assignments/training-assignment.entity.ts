import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TrainingRequirement } from '../requirements/training-requirement.entity';
import type { AssignmentStatus } from './assignment-status';

/**
 * One person's duty under one requirement for one cycle (unique), so re-runs and a person in
 * two targeted units give one row. `closedAt` marks a row that is history: the person left the
 * target, or a later cycle replaced it. Open rows follow the requirement's current version.
 */
@Entity('training_assignments')
@Index('uq_training_assignments_cycle', ['requirementId', 'userId', 'cycle'], { unique: true })
@Index('ix_training_assignments_user', ['userId', 'assignedAt'])
// Covers compliance: a member's live assignments and their statuses, read from the index alone.
@Index('ix_training_assignments_live', ['userId', 'closedAt', 'status'])
@Index('ix_training_assignments_enrollment', ['enrollmentId'])
@Index('ix_training_assignments_status', ['status', 'dueAt'])
export class TrainingAssignment {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  requirementId!: string;

  @ManyToOne(() => TrainingRequirement, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'requirement_id',
    foreignKeyConstraintName: 'fk_training_assignments_requirement',
  })
  requirement?: TrainingRequirement;

  @Column({ type: 'int', unsigned: true })
  requirementVersion!: number;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_training_assignments_user' })
  user?: User;

  @Column({ type: 'smallint', unsigned: true })
  cycle!: number;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  enrollmentId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: AssignmentStatus;

  @Column({ type: 'datetime', precision: 3 })
  assignedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  dueAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  completedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  expiresAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true, default: null })
  certificateSerial!: string | null;
}
