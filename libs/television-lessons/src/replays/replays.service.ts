import { LessonVideos } from '@lifelong/courses';
import { VideoDirectory } from '@lifelong/distance-lessons';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import type { Broadcast } from '../broadcasts/broadcast.entity';
import { BroadcastsRepository } from '../broadcasts/broadcasts.repository';
import { LessonStaff } from '../broadcasts/lesson-staff.service';
import { TelevisionError } from '../television-error';

/**
 * Replays: a ready distance-lesson video of the broadcast's television lesson (uploaded to that
 * lesson through the video routes) becomes the airing's replay. It is attached to the lesson
 * through courses' `LessonVideos`, so the lesson gets a duration and signed playback, and a
 * learner who missed the airing completes it by watching, under the watched-seconds rule.
 */
@Injectable()
export class Replays {
  constructor(
    private readonly broadcasts: BroadcastsRepository,
    private readonly staff: LessonStaff,
    private readonly lessonVideos: LessonVideos,
    private readonly videos: VideoDirectory,
  ) {}

  async attach(principal: Principal, broadcastId: string, videoId: string): Promise<Broadcast> {
    const broadcast = await this.broadcasts.findById(broadcastId);
    if (!broadcast) throw TelevisionError.broadcastNotFound(broadcastId);
    const { course } = await this.staff.lesson(broadcast.lessonId);
    await this.staff.assertStaff(principal, course.facilityId);
    const video = await this.videos.facts(videoId);
    if (!video)
      throw new TelevisionError('VIDEO_NOT_FOUND', `There is no video ${videoId}`, { videoId });
    if (video.lessonId !== broadcast.lessonId)
      throw new TelevisionError(
        'REPLAY_NOT_OF_LESSON',
        "A replay is a video uploaded to the broadcast's own television lesson",
        { videoId, lessonId: broadcast.lessonId },
      );
    if (video.status !== 'ready' || video.durationSeconds === null)
      throw new TelevisionError('REPLAY_NOT_READY', 'The video is not ready to play yet', {
        videoId,
        status: video.status,
      });
    const durationSeconds = video.durationSeconds;
    await this.broadcasts.transaction(async (manager) => {
      await this.lessonVideos.attachLessonVideo(
        broadcast.lessonId,
        { videoId, ready: true, durationSeconds },
        manager,
      );
      await this.broadcasts.update(manager, broadcastId, { replayVideoId: videoId });
    });
    return this.broadcasts.findByIdOrFail(broadcastId);
  }
}
