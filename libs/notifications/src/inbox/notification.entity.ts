import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * One entry of a person's in-app inbox. The key starts with the user, so their list (newest
 * first: ids are time-ordered UUIDv7) is one key range; `(event_id, user_id)` is unique, so one
 * event gives a person one entry however often it is delivered. Title and body are rendered
 * when read, from `kind` and the `data` snapshot, in the reader's language.
 */
@Entity('notifications')
@Index('uq_notifications_event_user', ['eventId', 'userId'], { unique: true })
@Index('ix_notifications_unread', ['userId', 'readAt', 'id'])
export class Notification {
  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user?: User;

  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  /** The outbox event it came from. */
  @Column({ type: 'bigint', unsigned: true })
  eventId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'json' })
  data!: Record<string, string>;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  readAt!: Date | null;
}
