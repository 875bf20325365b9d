import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Lesson } from '@lifelong/courses';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RenditionSummary, VideoStatus } from './video-status';

/**
 * One uploaded video of a lesson and its processing state. While it is processing,
 * `pendingLessonId` holds its lesson: the unique index lets a lesson have one pending video at
 * a time, so of two concurrent uploads the later one supersedes the earlier cleanly.
 */
@Entity('videos')
@Index('ix_videos_lesson', ['lessonId', 'status'])
@Index('uq_videos_pending_lesson', ['pendingLessonId'], { unique: true })
@Index('ix_videos_uploaded_by', ['uploadedBy'])
export class Video {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_videos_lesson' })
  lesson?: Lesson;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  pendingLessonId!: string | null;

  @Column({ type: 'char', length: 36 })
  uploadedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_videos_uploaded_by' })
  uploader?: User;

  @Column({ type: 'varchar', length: 16, default: 'processing' })
  status!: VideoStatus;

  /** The name the file had on the uploader's device: shown, never used as a path. */
  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  originalName!: string | null;

  /** Bytes of the source (bigint: sources reach 4 GiB and beyond). */
  @Column({ type: 'bigint', unsigned: true })
  byteSize!: string;

  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  progressPercent!: number;

  @Column({ type: 'int', unsigned: true, nullable: true, default: null })
  durationSeconds!: number | null;

  @Column({ type: 'json', nullable: true, default: null })
  renditions!: RenditionSummary[] | null;

  /** Why processing failed, for the uploader to act on. */
  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  failure!: string | null;

  /** The transcode run that owns the video; a superseded run's writes are refused. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  runToken!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  readyAt!: Date | null;
}
