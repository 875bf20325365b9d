import { UpdatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export const DIGEST_MODES = ['off', 'daily'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

/** How a person wants to hear from us; no row means the defaults (email on, no digest). */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_preferences_user' })
  user?: User;

  @Column({ type: 'boolean', default: true })
  email!: boolean;

  @Column({ type: 'varchar', length: 8, default: 'off' })
  digest!: DigestMode;

  /** IANA zone for the digest hour and times in messages (`Asia/Ho_Chi_Minh` by default). */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Ho_Chi_Minh' })
  timeZone!: string;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
