import { CreatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export const STAFF_IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type StaffImportStatus = (typeof STAFF_IMPORT_STATUSES)[number];

/** One uploaded staff CSV and its progress; the background job moves it to completed or failed. */
@Entity('staff_imports')
@Index('ix_staff_imports_requested_by', ['requestedBy', 'createdAt'])
export class StaffImport {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: StaffImportStatus;

  @Column({ type: 'char', length: 36 })
  requestedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_staff_imports_requested_by' })
  requester?: User;

  /**
   * The org units the importer could manage when they asked (rows outside are refused);
   * null when their grant covers every org unit.
   */
  @Column({ type: 'json', nullable: true, default: null })
  scopeOrgUnitIds!: string[] | null;

  /** The importer asked that the people the import creates be invited by email. */
  @Column({ type: 'boolean', default: false })
  inviteCreated!: boolean;

  @Column({ type: 'int', unsigned: true })
  byteSize!: number;

  @Column({ type: 'int', unsigned: true })
  chunkCount!: number;

  /** Data rows in the file (header excluded), known once the job has read it. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  total!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  processed!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  created!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  updated!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  failed!: number;

  /** Why the whole import failed (bad encoding, bad header), for a person to act on. */
  @Column({ type: 'varchar', length: 1000, nullable: true, default: null })
  failure!: string | null;

  /** Identifies the run that owns the import; a superseded run's writes are refused. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  runToken!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  startedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  finishedAt!: Date | null;
}
