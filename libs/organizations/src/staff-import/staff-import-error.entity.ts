import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffImport } from './staff-import.entity';

/** Why one line of an import was refused; `line` counts the header as line 1. */
@Entity('staff_import_errors')
export class StaffImportError {
  @PrimaryColumn({ type: 'char', length: 36 })
  importId!: string;

  @ManyToOne(() => StaffImport, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_staff_import_errors_import' })
  staffImport?: StaffImport;

  @PrimaryColumn({ type: 'int', unsigned: true })
  line!: number;

  @Column({ type: 'varchar', length: 500 })
  message!: string;
}
