import { Readable } from 'node:stream';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';
import { contentTypeOf, subtitleKey } from '../storage/media-keys';
import { MediaStorage } from '../storage/media-storage';
import { VideoReads } from '../videos/video-reads.service';
import { VideoSubtitlesRepository } from '../videos/video-subtitles.repository';
import type { SubtitleLanguage } from '../videos/video-status';
import { webvttProblems } from './webvtt';

/** A stored subtitle track. */
export interface SubtitleTrack {
  videoId: string;
  language: SubtitleLanguage;
  byteSize: number;
}

/**
 * Subtitle tracks of a video, one per language; a second upload in a language replaces the
 * first. They appear in the master playlist as soon as they are stored.
 */
@Injectable()
export class VideoSubtitles {
  constructor(
    private readonly subtitles: VideoSubtitlesRepository,
    private readonly videos: VideoReads,
    private readonly storage: MediaStorage,
  ) {}

  async add(
    principal: Principal,
    videoId: string,
    language: SubtitleLanguage,
    file: Buffer,
  ): Promise<SubtitleTrack> {
    const video = await this.videos.assertStaffOf(principal, videoId);
    const problems = webvttProblems(file);
    if (problems.length > 0)
      throw new VideoError('NOT_WEBVTT', problems[0] ?? 'Not a WebVTT file', { problems });
    const key = subtitleKey(video.id, language);
    await this.storage.write(key, Readable.from([file]), contentTypeOf(key));
    await this.subtitles.save({
      videoId: video.id,
      language,
      byteSize: file.length,
      uploadedBy: principal.userId,
    });
    return { videoId: video.id, language, byteSize: file.length };
  }
}
