import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Course } from '../courses/course.entity';

/** A section of a course; sections and their lessons are shown in `position` order. */
@Entity('course_sections')
@Index('ix_course_sections_course', ['courseId', 'position'])
export class CourseSection {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_course_sections_course' })
  course?: Course;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
