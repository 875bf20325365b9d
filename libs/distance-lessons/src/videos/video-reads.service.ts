import { isId } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';
import { LessonAccess } from './lesson-access.service';
import type { Video } from './video.entity';
import { VideosRepository } from './videos.repository';

/** A video's state, for its course's staff. */
@Injectable()
export class VideoReads {
  constructor(
    private readonly videos: VideosRepository,
    private readonly access: LessonAccess,
  ) {}

  /** The video, or 404; 403 unless the caller is staff of its lesson's course. */
  async assertStaffOf(principal: Principal, videoId: string): Promise<Video> {
    // Only ids in the form the server makes: the database would match other spellings of one
    // (another case, trailing spaces), and storage keys are made from it.
    if (!isId(videoId)) throw VideoError.videoNotFound(videoId);
    const video = await this.videos.findById(videoId);
    if (!video) throw VideoError.videoNotFound(videoId);
    await this.access.assertStaff(principal, await this.access.lesson(video.lessonId));
    return video;
  }

  status(principal: Principal, videoId: string): Promise<Video> {
    return this.assertStaffOf(principal, videoId);
  }
}
