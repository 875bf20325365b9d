import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ScheduleImport } from './schedule-import.entity';

/** Why one line of a schedule CSV was not scheduled (the header is line 1). */
@Entity('schedule_import_errors')
export class ScheduleImportError {
  @PrimaryColumn({ type: 'char', length: 36 })
  importId!: string;

  @PrimaryColumn({ type: 'int', unsigned: true })
  line!: number;

  @Column({ type: 'varchar', length: 500 })
  message!: string;

  @ManyToOne(() => ScheduleImport, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_schedule_import_errors_import' })
  import?: ScheduleImport;
}
