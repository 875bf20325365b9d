import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'skipped',
  'digest',
  'unconfirmed',
] as const;
/**
 * `pending` → `sending` → `sent`, or back to `pending` after a failed attempt, or `failed` after
 * the last; `skipped` (no usable address, email turned off); `digest` (waits for the daily
 * digest, then `sent`/`failed` with it); `unconfirmed` (a run died mid-send; not resent).
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const CHANNELS = ['email'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One message of one event to one person on one channel: the key is what makes it go out
 * once. No foreign keys: a history row that is written by the thousand and pruned by age.
 */
@Entity('notification_deliveries')
export class NotificationDelivery {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  eventId!: string;

  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts!: number;

  /** Why it was skipped or failed (no personal data: addresses are masked). */
  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  reason!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}
