import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TrainingRequirement } from './training-requirement.entity';

/** One version of a requirement's rules; never changed once written. */
@Entity('training_requirement_versions')
export class RequirementVersion {
  @PrimaryColumn({ type: 'char', length: 36 })
  requirementId!: string;

  @PrimaryColumn({ type: 'int', unsigned: true })
  version!: number;

  @ManyToOne(() => TrainingRequirement, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'requirement_id',
    foreignKeyConstraintName: 'fk_training_requirement_versions_requirement',
  })
  requirement?: TrainingRequirement;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'char', length: 36 })
  courseId!: string;

  @Column({ type: 'char', length: 36 })
  orgUnitId!: string;

  @Column({ type: 'tinyint', default: 1 })
  includeDescendants!: boolean;

  /** Only these positions (null: any). */
  @Column({ type: 'json', nullable: true, default: null })
  positions!: string[] | null;

  /** Only these job grades (null: any). */
  @Column({ type: 'json', nullable: true, default: null })
  jobGrades!: string[] | null;

  @Column({ type: 'int', unsigned: true, nullable: true, default: null })
  dueDays!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  dueDate!: Date | null;

  @Column({ type: 'int', unsigned: true, nullable: true, default: null })
  everyMonths!: number | null;

  /** `MM-DD`: the completion is valid until the next such day. */
  @Column({ type: 'char', length: 5, nullable: true, default: null })
  annualOn!: string | null;

  /** The recertification window opens this many days before a completion expires. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  windowDays!: number;

  @Column({ type: 'json' })
  reminderDays!: number[];

  @Column({ type: 'char', length: 36 })
  createdBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
