import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from '../auth/auth-decision';
import { User } from './user.entity';

/**
 * One role held by one user, optionally scoped. An unscoped grant stores `''` in both scope
 * columns (not NULL) so the primary key makes every grant unique: MySQL lets NULLs repeat in a
 * unique key. The key starts with `user_id`, so a user's roles are one index range read.
 */
@Entity('user_roles')
@Index('ix_user_roles_scope', ['scopeType', 'scopeId', 'role'])
export class UserRole {
  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  role!: Role;

  /** `facility`, `org_unit`, `admin_unit`, or `''` for an unscoped grant. */
  @PrimaryColumn({ type: 'varchar', length: 20, default: '' })
  scopeType!: string;

  /** The scope's id, or `''` for an unscoped grant. */
  @PrimaryColumn({ type: 'varchar', length: 36, default: '' })
  scopeId!: string;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  grantedAt!: Date;

  /** Who granted it (audit); null for grants made by the system (registration, bootstrap). */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  grantedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_roles_user' })
  user?: User;
}
