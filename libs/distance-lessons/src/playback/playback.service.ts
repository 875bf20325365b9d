import { AppConfig, Clock } from '@lifelong/common';
import { LearnerStanding } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';
import { POSTER_FILE, MASTER_PLAYLIST } from '../transcode/encode-args';
import { LessonAccess } from '../videos/lesson-access.service';
import { VideosRepository } from '../videos/videos.repository';
import { PlaybackSigner, signedMediaBase } from './playback-signer';

/** A signed way into a lesson's video. */
export interface PlaybackGrant {
  hlsUrl: string;
  posterUrl: string;
  expiresAt: Date;
  resumePositionSeconds: number;
}

/**
 * Playback links for enrolled learners (active or completed) and the course's staff. Anyone
 * else gets 404: the lesson is not theirs to see.
 */
@Injectable()
export class PlaybackService {
  private readonly signer: PlaybackSigner;

  constructor(
    private readonly videos: VideosRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly access: LessonAccess,
    private readonly standing: LearnerStanding,
  ) {
    this.signer = new PlaybackSigner(config.auth.jwtSecret);
  }

  async playback(principal: Principal, lessonId: string): Promise<PlaybackGrant> {
    const context = await this.access.lesson(lessonId);
    const { courseId } = context.lesson;
    const [staff, standing] = await Promise.all([
      this.access.isStaff(principal, context),
      this.standing.of(principal.userId, courseId, lessonId),
    ]);
    if (!staff && !standing.enrolled) throw VideoError.lessonNotFound(lessonId);
    const videoId = await this.readyVideoOf(lessonId, context.lesson.videoId);
    const ttl = this.config.media.playbackTtlSeconds;
    const expires = Math.floor(this.clock.now().getTime() / 1000) + ttl;
    const base = `${this.config.http.publicUrl}${signedMediaBase(videoId, expires, this.signer.sign(videoId, expires))}`;
    return {
      hlsUrl: `${base}/${MASTER_PLAYLIST}`,
      posterUrl: `${base}/${POSTER_FILE}`,
      expiresAt: new Date(expires * 1000),
      resumePositionSeconds: standing.positionSeconds,
    };
  }

  /** The lesson's playable video, or 409 `VIDEO_NOT_READY`. */
  private async readyVideoOf(lessonId: string, videoId: string | null): Promise<string> {
    const ready = videoId !== null && (await this.videos.isReadyOf(videoId, lessonId));
    if (!ready)
      throw new VideoError(
        'VIDEO_NOT_READY',
        videoId
          ? 'The video of this lesson is still being processed'
          : 'This lesson has no video yet',
        { lessonId },
      );
    return videoId;
  }
}
