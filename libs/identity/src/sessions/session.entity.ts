import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One sign-in on one device: the refresh-token family whose id it shares. A person lists and
 * ends their sessions; `endedAt` is set by logout, a reused refresh token, a password change or
 * reset, or a deactivation, and an access token naming an ended session is refused at once.
 */
@Entity('sessions')
@Index('ix_sessions_user', ['userId', 'endedAt'])
@Index('ix_sessions_expires', ['expiresAt'])
@Index('ix_sessions_ended', ['endedAt'])
export class Session {
  /** The refresh-token family id. */
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  /** The browser or app that signed in, as it said (shortened), to tell sessions apart. */
  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  userAgent!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** The last sign-in or refresh. */
  @Column({ type: 'datetime', precision: 3 })
  lastUsedAt!: Date;

  /** When the newest refresh token of the family expires. */
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  endedAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_sessions_user' })
  user?: User;
}
