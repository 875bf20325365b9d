import { User } from '@lifelong/identity';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * One person's digest for one local day: the key makes it once per user per day. It carries
 * the waiting entries up to `upToEventId` (fixed when it was first planned); later events wait
 * for the next day's.
 */
@Entity('notification_digests')
export class NotificationDigest {
  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_digests_user' })
  user?: User;

  /** The recipient's local date (`YYYY-MM-DD`). */
  @PrimaryColumn({ type: 'date' })
  digestDate!: string;

  /** As a delivery's status, without `digest`. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ type: 'bigint', unsigned: true })
  upToEventId!: string;

  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  reason!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}
