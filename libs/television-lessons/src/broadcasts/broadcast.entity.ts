import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Lesson } from '@lifelong/courses';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Channel } from '../channels/channel.entity';

export const BROADCAST_STATUSES = ['scheduled', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * One airing of a television lesson on a channel, `[startsAt, endsAt)` in UTC. `revision` starts
 * at 0 and rises with every move or cancellation (the iCalendar SEQUENCE; reminders of an older
 * revision are skipped). `remindAt` is when its reminder is due; `remindedRevision` the revision
 * whose reminder went out.
 */
@Entity('broadcasts')
@Index('ix_broadcasts_channel_time', ['channelId', 'startsAt'])
@Index('ix_broadcasts_time', ['startsAt'])
@Index('ix_broadcasts_course_time', ['courseId', 'startsAt'])
@Index('ix_broadcasts_lesson', ['lessonId', 'startsAt'])
@Index('ix_broadcasts_remind', ['status', 'remindAt'])
export class Broadcast {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  channelId!: string;

  @ManyToOne(() => Channel, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'fk_broadcasts_channel' })
  channel?: Channel;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_broadcasts_lesson' })
  lesson?: Lesson;

  /** The lesson's course, kept here so calendars by course are one index range. */
  @Column({ type: 'char', length: 36 })
  courseId!: string;

  /** Slots made by one recurrence rule share a series id. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  seriesId!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  startsAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status!: BroadcastStatus;

  /** Shown on screen during the airing; course staff see it, learners never. */
  @Column({ type: 'char', length: 6 })
  attendanceCode!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  revision!: number;

  /** A ready distance-lesson video of the lesson, for learners who missed the airing. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  replayVideoId!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  remindAt!: Date;

  @Column({ type: 'int', unsigned: true, nullable: true, default: null })
  remindedRevision!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  remindedAt!: Date | null;

  @Column({ type: 'char', length: 36 })
  createdBy!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
