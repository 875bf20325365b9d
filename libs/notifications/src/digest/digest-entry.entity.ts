import { User } from '@lifelong/identity';
import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * An event waiting for its recipient's daily digest. Rows live only until the digest that
 * carries them is settled, so the planner's scan stays as small as the day's waiting mail.
 */
@Entity('notification_digest_entries')
export class DigestEntry {
  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_digest_entries_user' })
  user?: User;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  eventId!: string;
}
