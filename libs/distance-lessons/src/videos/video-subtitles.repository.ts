import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { VideoSubtitle } from './video-subtitle.entity';
import type { SubtitleLanguage } from './video-status';

/** Queries on videos' subtitle tracks, one row per video and language. */
@Injectable()
export class VideoSubtitlesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the track's row; a second upload in a language replaces the first. */
  async save(track: {
    videoId: string;
    language: SubtitleLanguage;
    byteSize: number;
    uploadedBy: string;
  }): Promise<void> {
    await this.dataSource.getRepository(VideoSubtitle).upsert(track, ['videoId', 'language']);
  }

  /** The languages the video has a track in. */
  async languagesOf(videoId: string): Promise<SubtitleLanguage[]> {
    const rows = await this.dataSource
      .getRepository(VideoSubtitle)
      .find({ where: { videoId }, select: { language: true } });
    return rows.map((row) => row.language);
  }
}
