import { Injectable } from '@nestjs/common';
import type { VideoStatus } from './video-status';
import { VideosRepository } from './videos.repository';

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
  constructor(private readonly videos: VideosRepository) {}

  /** The video's facts; null when there is no such video. */
  async facts(videoId: string): Promise<VideoFacts | null> {
    const video = await this.videos.findFacts(videoId);
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
