import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Video } from './video.entity';
import type { VideoStatus } from './video-status';

/** What another domain may know of a video: its lesson, and whether and how long it plays. */
export interface VideoFacts {
  videoId: string;
  lessonId: string;
  status: VideoStatus;
  /** Known once transcoded. */
  durationSeconds: number | null;
}

/**
 * Videos as other domains see them, read-only: television checks that a replay is a ready
 * video of the broadcast's own lesson with it, without reading the video table.
 */
@Injectable()
export class VideoDirectory {
  constructor(@InjectRepository(Video) private readonly videos: Repository<Video>) {}

  /** The video's facts; null when there is no such video. */
  async facts(videoId: string): Promise<VideoFacts | null> {
    const video = await this.videos.findOne({
      where: { id: videoId },
      select: { id: true, lessonId: true, status: true, durationSeconds: true },
    });
    return (
      video && {
        videoId: video.id,
        lessonId: video.lessonId,
        status: video.status,
        durationSeconds: video.durationSeconds,
      }
    );
  }
}
