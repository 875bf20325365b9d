import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

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

/**
 * A nullable `decimal(precision, scale)` read as a number: mysql2 returns DECIMAL as a string,
 * and the api speaks numbers (course hours, and the hours a certificate names).
 */
export const NullableDecimalColumn = (precision: number, scale: number): PropertyDecorator =>
  Column({
    type: 'decimal',
    precision,
    scale,
    nullable: true,
    default: null,
    transformer: {
      to: (value: number | null | undefined) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  });
