import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TrainingAssignment } from '../assignments/training-assignment.entity';

/**
 * The ledger that makes each reminder, overdue notice and escalation happen once: one row per
 * (assignment, kind, step), written in the transaction that records the outbox event.
 * `batchId` tells a scan which rows it wrote itself.
 */
@Entity('training_notices')
@Index('ix_training_notices_batch', ['batchId'])
export class TrainingNotice {
  @PrimaryColumn({ type: 'char', length: 36 })
  assignmentId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: string;

  @PrimaryColumn({ type: 'int', unsigned: true })
  step!: number;

  @ManyToOne(() => TrainingAssignment, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'fk_training_notices_assignment' })
  assignment?: TrainingAssignment;

  @Column({ type: 'char', length: 36 })
  batchId!: string;

  @Column({ type: 'datetime', precision: 3 })
  sentAt!: Date;
}
