import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** `created_at datetime(3)`, set by the database on insert (millisecond precision, UTC). */
export const CreatedAtColumn = (): PropertyDecorator =>
  CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' });

/** `updated_at datetime(3)`, set by the database on insert and on every update. */
export const UpdatedAtColumn = (): PropertyDecorator =>
  UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  });
