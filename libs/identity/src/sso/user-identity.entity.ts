import { CreatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * An account's identity at an OpenID Connect provider: (issuer, subject) is who the provider
 * says signed in, and finds the same account at every later sign-in, whatever the email.
 */
@Entity('user_identities')
@Index('uq_user_identities_issuer_subject', ['issuer', 'subject'], { unique: true })
export class UserIdentity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('ix_user_identities_user')
  @Column({ type: 'char', length: 36 })
  userId!: string;

  /** Compared byte for byte, as OpenID Connect says: `https://a/` and `https://A/` differ. */
  @Column({ type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  issuer!: string;

  /** The provider's `sub`: at most 255 ASCII characters, case-sensitive. */
  @Column({ type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  subject!: string;

  /** The configured provider it came through (OIDC_PROVIDERS id), for people to read. */
  @Column({ type: 'varchar', length: 32 })
  providerId!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  lastSignInAt!: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_identities_user' })
  user?: User;
}
