import { CreatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Broadcast } from '../broadcasts/broadcast.entity';

/**
 * The audit of group attendance: who (`recordedBy`) recorded whom (`learnerId`) as present at
 * which airing, at which facility (where the viewing took place), and when; and, once the
 * course's staff voided it, who voided it, when and why. The attendance it created
 * (`attendanceId`) is removed by the void; this row stays.
 */
@Entity('group_attendance_records')
@Index('ix_group_attendance_records_course', ['courseId', 'recordedAt'])
@Index('ix_group_attendance_records_attendance', ['attendanceId'])
export class GroupAttendanceRecord {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  /** The `broadcast_attendances` row this record created (gone once voided). */
  @Column({ type: 'char', length: 36 })
  attendanceId!: string;

  @Column({ type: 'char', length: 36 })
  broadcastId!: string;

  @ManyToOne(() => Broadcast, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'broadcast_id',
    foreignKeyConstraintName: 'fk_group_attendance_records_broadcast',
  })
  broadcast?: Broadcast;

  @Column({ type: 'char', length: 36 })
  courseId!: string;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  @Column({ type: 'char', length: 36 })
  learnerId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'learner_id',
    foreignKeyConstraintName: 'fk_group_attendance_records_learner',
  })
  learner?: User;

  /** The facility where the group watched. */
  @Column({ type: 'char', length: 36 })
  facilityId!: string;

  /** Kept as an id (no foreign key), so the audit outlives the recorder's account. */
  @Column({ type: 'char', length: 36 })
  recordedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  recordedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  voidedAt!: Date | null;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  voidedBy!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  voidReason!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
