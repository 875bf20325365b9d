import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Course } from './course.entity';

/** A tag on a course: as typed (`tag`) and folded (`tagKey`, what the `?tag=` filter matches). */
@Entity('course_tags')
@Index('ix_course_tags_tag', ['tagKey', 'courseId'])
export class CourseTag {
  @PrimaryColumn({ type: 'char', length: 36 })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_course_tags_course' })
  course?: Course;

  @PrimaryColumn({ type: 'varchar', length: 60, collation: 'utf8mb4_bin' })
  tagKey!: string;

  @Column({ type: 'varchar', length: 50 })
  tag!: string;

  @Column({ type: 'tinyint', unsigned: true })
  position!: number;
}
