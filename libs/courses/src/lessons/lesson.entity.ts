import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Course } from '../courses/course.entity';
import { CourseSection } from '../sections/course-section.entity';
import type { LessonKind } from './lesson-kind';

/**
 * A lesson in a section. `courseId` is kept beside `sectionId` so "the lessons of a course" and
 * "the course of a lesson" are one index lookup (the enrollment lib asks both on hot paths).
 * Video fields are set by the distance-lessons lib through LessonVideos; quiz questions live in
 * `quiz_questions`/`quiz_choices`.
 */
@Entity('lessons')
@Index('ix_lessons_section', ['sectionId', 'position'])
@Index('ix_lessons_course', ['courseId', 'required'])
export class Lesson {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_lessons_course' })
  course?: Course;

  @Column({ type: 'char', length: 36 })
  sectionId!: string;

  @ManyToOne(() => CourseSection, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_lessons_section' })
  section?: CourseSection;

  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: LessonKind;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  /** Percent of the duration that completes a watched lesson; null for reading and quiz. */
  @Column({ type: 'tinyint', unsigned: true, nullable: true, default: null })
  completionThreshold!: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true, default: null })
  durationSeconds!: number | null;

  /** The distance-lessons video attached to a video lesson. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  videoId!: string | null;

  @Column({ type: 'boolean', default: false })
  videoReady!: boolean;

  /** The cmi5 package a cmi5 lesson launches (the cmi5 lib's), set through LessonPackages. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  packageId!: string | null;

  /** Sanitized HTML of a reading lesson. */
  @Column({ type: 'mediumtext', nullable: true, default: null })
  body!: string | null;

  @Column({ type: 'tinyint', unsigned: true, nullable: true, default: null })
  passMark!: number | null;

  /** Attempts a learner may make at a quiz; null for no limit. */
  @Column({ type: 'smallint', unsigned: true, nullable: true, default: null })
  attemptLimit!: number | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
