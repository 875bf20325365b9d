import { CreatedAtColumn } from '@lifelong/database';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Video } from './video.entity';
import type { SubtitleLanguage } from './video-status';

/** A WebVTT track of a video, one per language; the file lives in media storage. */
@Entity('video_subtitles')
export class VideoSubtitle {
  @PrimaryColumn({ type: 'char', length: 36 })
  videoId!: string;

  @ManyToOne(() => Video, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'video_id', foreignKeyConstraintName: 'fk_video_subtitles_video' })
  video?: Video;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  language!: SubtitleLanguage;

  @Column({ type: 'int', unsigned: true })
  byteSize!: number;

  @Column({ type: 'char', length: 36 })
  uploadedBy!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
