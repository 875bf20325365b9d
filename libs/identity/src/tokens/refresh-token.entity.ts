import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One refresh token of a sign-in. Only its SHA-256 is stored. Every rotation adds a row to the
 * same family; `usedAt` marks a token that was exchanged, `revokedAt` a family that was ended
 * (logout, or reuse of a spent token).
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('ix_refresh_tokens_user')
  @Column({ type: 'char', length: 36 })
  userId!: string;

  @Index('ix_refresh_tokens_family')
  @Column({ type: 'char', length: 36 })
  familyId!: string;

  /** Hex SHA-256 of the token handed out. */
  @Index('uq_refresh_tokens_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Index('ix_refresh_tokens_expires')
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  usedAt!: Date | null;

  @Index('ix_refresh_tokens_revoked')
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  revokedAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_refresh_tokens_user' })
  user?: User;
}
