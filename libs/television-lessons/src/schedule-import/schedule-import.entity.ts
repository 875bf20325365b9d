import { CreatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Channel } from '../channels/channel.entity';

export const SCHEDULE_IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ScheduleImportStatus = (typeof SCHEDULE_IMPORT_STATUSES)[number];

/**
 * One broadcaster spreadsheet (CSV) for a channel, kept until the job has read it, with counts;
 * per-line errors live in `schedule_import_errors`.
 */
@Entity('schedule_imports')
@Index('ix_schedule_imports_channel', ['channelId', 'createdAt'])
export class ScheduleImport {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  channelId!: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'fk_schedule_imports_channel' })
  channel?: Channel;

  @Column({ type: 'char', length: 36 })
  requestedBy!: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: ScheduleImportStatus;

  /** The uploaded file; dropped once the import finished. */
  @Column({ type: 'mediumblob', nullable: true, default: null })
  content!: Buffer | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  total!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  created!: number;

  /** Rows already on the schedule (a re-run of the same file). */
  @Column({ type: 'int', unsigned: true, default: 0 })
  unchanged!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  failed!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true, default: null })
  failure!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  finishedAt!: Date | null;
}
