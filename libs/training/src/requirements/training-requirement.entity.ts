import { Course } from '@lifelong/courses';
import { OrgUnit } from '@lifelong/organizations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A mandated-training requirement: its identity and a copy of the current version's title,
 * course and target unit (for lists and scope checks). The rules live in its versions.
 */
@Entity('training_requirements')
@Index('ix_training_requirements_org_unit', ['orgUnitId'])
export class TrainingRequirement {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'org_unit_id',
    foreignKeyConstraintName: 'fk_training_requirements_org_unit',
  })
  orgUnit?: OrgUnit;

  @Column({ type: 'char', length: 36 })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_training_requirements_course' })
  course?: Course;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'int', unsigned: true })
  currentVersion!: number;

  @Column({ type: 'char', length: 36 })
  createdBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
