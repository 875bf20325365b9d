import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person's account. Other domains reference it by id (`char(36)`); never return it from a route. */
@Entity('users')
export class User {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  /** Stored lower-cased; unique. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** argon2id; null for staff imported before they set a password. */
  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'varchar', length: 10, default: 'vi' })
  locale!: string;

  /** IANA name; times are shown to the person in it. */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Ho_Chi_Minh' })
  timeZone!: string;

  /** Set while the account is switched off: no sign-in, no session; its records stay. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  deactivatedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
