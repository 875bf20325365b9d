import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person's account. Other domains reference it by id (`char(36)`); never return it from a route. */
@Entity('users')
// The user directory lists people in name order: a page is read from this index, not sorted.
@Index('ix_users_name', ['fullName', 'id'])
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

  /**
   * Folded, marked tokens of the name and email (see `userSearchText`) under a FULLTEXT
   * index: the user directory's diacritics-insensitive search. Written with every name or email.
   */
  @Index('ix_users_search', { fulltext: true })
  @Column({ type: 'varchar', length: 1500, default: '' })
  searchText!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
