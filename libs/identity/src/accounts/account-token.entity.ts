import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** What a one-time link lets its bearer do. */
export const ACCOUNT_TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * A one-time link emailed to a person: an invitation (set a first password) or a password
 * reset. Only the SHA-256 of the token is kept. `usedAt` marks the one use; `revokedAt` a link
 * that a newer one, a password change or a deactivation made stop working.
 */
@Entity('account_tokens')
@Index('ix_account_tokens_user', ['userId', 'purpose'])
@Index('ix_account_tokens_expires', ['expiresAt'])
@Index('ix_account_tokens_used', ['usedAt'])
@Index('ix_account_tokens_revoked', ['revokedAt'])
export class AccountToken {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: AccountTokenPurpose;

  @Index('uq_account_tokens_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  usedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  revokedAt!: Date | null;

  /** Who sent an invitation (null for a reset the person asked for). */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_account_tokens_user' })
  user?: User;
}
