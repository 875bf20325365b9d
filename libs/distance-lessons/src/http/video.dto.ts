import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { PlaybackGrant } from '../playback/playback.service';
import type { SubtitleTrack } from '../subtitles/video-subtitles.service';
import type { AcceptedUpload } from '../upload/video-uploads.service';
import type { Video } from '../videos/video.entity';
import {
  SUBTITLE_LANGUAGES,
  type SubtitleLanguage,
  VIDEO_STATUSES,
  type VideoStatus,
} from '../videos/video-status';

/** 202 to an upload: the video exists and is being processed. */
export class AcceptedUploadDto {
  @ApiProperty()
  videoId!: string;

  @ApiProperty({ enum: ['processing'] })
  status!: 'processing';

  static from(accepted: AcceptedUpload): AcceptedUploadDto {
    return Object.assign(new AcceptedUploadDto(), accepted);
  }
}

export class RenditionDto {
  @ApiProperty({ description: 'Picture height in pixels' })
  height!: number;

  @ApiProperty({ description: 'Peak bits per second' })
  bandwidth!: number;
}

/** A video's processing state (course staff). */
export class VideoDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: VIDEO_STATUSES })
  status!: VideoStatus;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progressPercent!: number;

  @ApiProperty({ type: Number, nullable: true })
  durationSeconds!: number | null;

  @ApiProperty({ type: [RenditionDto] })
  renditions!: RenditionDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why processing failed' })
  error!: string | null;

  static from(video: Video): VideoDto {
    return Object.assign(new VideoDto(), {
      id: video.id,
      status: video.status,
      progressPercent: video.progressPercent,
      durationSeconds: video.durationSeconds,
      renditions: (parseJson(video.renditions) ?? []).map(({ height, bandwidth }) => ({
        height,
        bandwidth,
      })),
      error: video.failure,
    });
  }
}

/** MariaDB hands JSON columns back as text, MySQL parsed. */
function parseJson<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** A signed way into the lesson's video. */
export class PlaybackDto {
  @ApiProperty({ description: 'HLS master playlist; needs no header until expiresAt' })
  hlsUrl!: string;

  @ApiProperty()
  posterUrl!: string;

  @ApiProperty()
  expiresAt!: Date;

  @ApiProperty({ description: 'Where the learner stopped last time (0 when never)' })
  resumePositionSeconds!: number;

  static from(grant: PlaybackGrant): PlaybackDto {
    return Object.assign(new PlaybackDto(), grant);
  }
}

/** The multipart fields of a subtitle upload besides the file. */
export class SubtitleFieldsDto {
  @ApiProperty({ enum: SUBTITLE_LANGUAGES })
  @IsIn(SUBTITLE_LANGUAGES)
  language!: SubtitleLanguage;
}

export class SubtitleDto {
  @ApiProperty()
  videoId!: string;

  @ApiProperty({ enum: SUBTITLE_LANGUAGES })
  language!: SubtitleLanguage;

  @ApiProperty()
  byteSize!: number;

  static from(track: SubtitleTrack): SubtitleDto {
    return Object.assign(new SubtitleDto(), track);
  }
}
