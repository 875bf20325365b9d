import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A relayed outbox event kept after it left `outbox_events` (same id, same columns). */
@Entity('outbox_events_archive')
export class OutboxEventArchiveEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  requestId!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  dispatchedAt!: Date;

  @Column({ type: 'int', unsigned: true })
  attempts!: number;

  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  lastError!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  archivedAt!: Date;
}
