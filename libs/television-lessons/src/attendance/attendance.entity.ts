import { CreatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Broadcast } from '../broadcasts/broadcast.entity';

export const ATTENDANCE_METHODS = ['code', 'group'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/**
 * A learner present at one airing: once per airing and learner. `lessonCompletedAt` is set once
 * the lesson completed through enrollment (at once, or after the lesson's check quiz passed).
 */
@Entity('broadcast_attendances')
@Index('uq_broadcast_attendances_learner', ['broadcastId', 'userId'], { unique: true })
@Index('ix_broadcast_attendances_pending', ['lessonCompletedAt', 'lessonId'])
@Index('ix_broadcast_attendances_user', ['userId'])
export class BroadcastAttendance {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  broadcastId!: string;

  @ManyToOne(() => Broadcast, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'broadcast_id',
    foreignKeyConstraintName: 'fk_broadcast_attendances_broadcast',
  })
  broadcast?: Broadcast;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_broadcast_attendances_user' })
  user?: User;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: AttendanceMethod;

  /** The facility whose staff recorded a group; null for a code entered by the learner. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  facilityId!: string | null;

  @Column({ type: 'char', length: 36 })
  recordedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  recordedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  lessonCompletedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
