import { CreatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A learner's personal calendar feed. The token is derived from `salt` with a server key, so the
 * database alone never yields a working URL; `tokenHash` (SHA-256 of the token) finds the owner.
 * Rotating replaces the salt, and the old URL stops working.
 */
@Entity('schedule_feed_tokens')
@Index('uq_schedule_feed_tokens_hash', ['tokenHash'], { unique: true })
export class ScheduleFeedToken {
  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_schedule_feed_tokens_user' })
  user?: User;

  @Column({ type: 'char', length: 32 })
  salt!: string;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
