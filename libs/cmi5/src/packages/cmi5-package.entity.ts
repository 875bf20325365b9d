import { CreatedAtColumn } from '@lifelong/database';
import { Lesson } from '@lifelong/courses';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { LaunchMethod, MoveOn } from './course-structure';

/**
 * A cmi5 package uploaded to a lesson: its one assignable unit (AU) as `cmi5.xml` describes it.
 * The newest package of a lesson is the one learners launch; its files are in the media storage
 * under `cmi5/<id>/`.
 */
@Entity('cmi5_packages')
@Index('ix_cmi5_packages_lesson', ['lessonId', 'createdAt'])
export class Cmi5Package {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_cmi5_packages_lesson' })
  lesson?: Lesson;

  /** The course's id in `cmi5.xml` (an IRI), the AU's parent in its statements. */
  @Column({ type: 'varchar', length: 2000 })
  courseIri!: string;

  /** The AU's id: the activity the launch names and `completed`/`passed` must be about. */
  @Column({ type: 'varchar', length: 2000 })
  auIri!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** The AU's `url`: a file of the package, relative to its root (with its own query, if any). */
  @Column({ type: 'varchar', length: 1000 })
  launchPath!: string;

  @Column({ type: 'text', nullable: true, default: null })
  launchParameters!: string | null;

  @Column({ type: 'varchar', length: 16 })
  launchMethod!: LaunchMethod;

  @Column({ type: 'varchar', length: 24 })
  moveOn!: MoveOn;

  /** 0..1, or null when the AU names none. */
  @Column({ type: 'decimal', precision: 5, scale: 4, nullable: true, default: null })
  masteryScore!: string | null;

  @Column({ type: 'int', unsigned: true })
  fileCount!: number;

  /** Uncompressed bytes of every file. */
  @Column({ type: 'bigint', unsigned: true })
  byteSize!: string;

  @Column({ type: 'char', length: 36 })
  uploadedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_cmi5_packages_uploaded_by' })
  uploader?: User;

  @CreatedAtColumn()
  createdAt!: Date;
}
