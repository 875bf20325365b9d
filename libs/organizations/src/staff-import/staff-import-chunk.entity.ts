import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffImport } from './staff-import.entity';

/** One slice of an uploaded file, small enough for any max_allowed_packet. */
@Entity('staff_import_chunks')
export class StaffImportChunk {
  @PrimaryColumn({ type: 'char', length: 36 })
  importId!: string;

  @ManyToOne(() => StaffImport, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_staff_import_chunks_import' })
  staffImport?: StaffImport;

  @PrimaryColumn({ type: 'int', unsigned: true })
  seq!: number;

  @Column({ type: 'mediumblob' })
  data!: Buffer;
}
