import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enrollment } from '../enrollments/enrollment.entity';

/**
 * One learner's progress in one lesson: the hottest table (a write every few seconds per
 * watching learner), so one narrow row per enrollment and lesson under a composite primary key,
 * the watched intervals in a compact binary column (see `WatchedIntervals`), and a `revision`
 * that every write compares and bumps, so concurrent reports never overwrite each other.
 */
@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryColumn({ type: 'char', length: 36 })
  enrollmentId!: string;

  @PrimaryColumn({ type: 'char', length: 36 })
  lessonId!: string;

  /** Distinct watched seconds as big-endian uint32 pairs `[start, end)`; empty for non-video. */
  @Column({ type: 'mediumblob', nullable: true, default: null })
  intervals!: Buffer | null;

  /** The distinct seconds the intervals cover (kept so reads need not decode). */
  @Column({ type: 'int', unsigned: true, default: 0 })
  watchedSeconds!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  positionSeconds!: number;

  /** When the previous report was accepted: the rate rule measures elapsed time from here. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  lastReportAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  completedAt!: Date | null;

  /** Compared and bumped by every write (optimistic concurrency). */
  @Column({ type: 'int', unsigned: true, default: 0 })
  revision!: number;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_lesson_progress_enrollment' })
  enrollment?: Enrollment;
}
