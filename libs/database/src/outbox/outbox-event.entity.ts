import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A side effect waiting to leave the database: written in the same transaction as its cause. */
@Entity('outbox_events')
@Index('ix_outbox_events_pending', ['dispatchedAt', 'id'])
export class OutboxEventEntity {
  /** Auto-increment keeps events in commit order and rows narrow. */
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  requestId!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  dispatchedAt!: Date | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  lastError!: string | null;
}
