import { Clock, type OutboxEvents } from '@lifelong/common';
import { CourseOutline, LessonVideos } from '@lifelong/courses';
import { isDuplicateKey, recordEvent, retryOnDeadlock } from '@lifelong/database';
import { Injectable, Logger } from '@nestjs/common';
import { videoPrefix } from '../storage/media-keys';
import { MediaStorage } from '../storage/media-storage';
import type { LessonContext } from './lesson-access.service';
import type { Video } from './video.entity';
import type { RenditionSummary } from './video-status';
import { VideosRepository } from './videos.repository';

/** A stored source about to become a lesson's video. */
export interface UploadedSource {
  videoId: string;
  context: LessonContext;
  uploadedBy: string;
  byteSize: number;
  /** The name on the uploader's device, kept for display only. */
  originalName: string | null;
}

/** What a finished transcode found out. */
export interface TranscodeResult {
  durationSeconds: number;
  renditions: RenditionSummary[];
}

/** Whether a transition applied, or the video was superseded (or finished) meanwhile. */
export type TransitionOutcome = 'applied' | 'gone';

const ATTEMPTS = 4;
const NAME_LENGTH = 255;

/**
 * The moves a lesson's videos make, each in one READ COMMITTED transaction that locks the rows
 * it changes, so concurrent uploads and transcodes of one lesson line up:
 *
 * - an upload supersedes the lesson's pending or failed video (the later upload wins; the
 *   unique `pending_lesson_id` makes a racing insert fail and retry behind the winner), and
 *   becomes the lesson's video unless a ready one keeps playing until it is replaced;
 * - a ready video becomes the lesson's video, with its duration, superseding the older one;
 * - a failure is recorded with its reason.
 *
 * Superseded videos lose their rows in the transaction and their files right after it.
 */
@Injectable()
export class VideoLifecycle {
  private readonly logger = new Logger('VideoLifecycle');

  constructor(
    private readonly videos: VideosRepository,
    private readonly lessonVideos: LessonVideos,
    private readonly outline: CourseOutline,
    private readonly storage: MediaStorage,
    private readonly clock: Clock,
  ) {}

  /** Records an upload whose source is stored, and asks for its transcode (outbox). */
  async recordUpload(source: UploadedSource): Promise<void> {
    const superseded = await this.retrying(() =>
      this.videos.transaction(async (manager) => {
        const { lessonId } = source.context.lesson;
        const stale = await this.videos.lockIdsOfLesson(manager, lessonId, [
          'processing',
          'failed',
        ]);
        if (stale.length > 0) await this.videos.deleteMany(manager, stale);
        const playing = await this.videos.hasReady(manager, lessonId);
        // In this transaction: the lesson never points at a video row that did not commit.
        if (!playing)
          await this.lessonVideos.attachLessonVideo(
            lessonId,
            { videoId: source.videoId, ready: false, durationSeconds: null },
            manager,
          );
        await this.videos.insert(manager, {
          id: source.videoId,
          lessonId,
          pendingLessonId: lessonId,
          uploadedBy: source.uploadedBy,
          status: 'processing',
          originalName: source.originalName?.slice(0, NAME_LENGTH) ?? null,
          byteSize: String(source.byteSize),
        });
        await recordEvent(manager, 'media.video-uploaded', { videoId: source.videoId });
        return stale;
      }),
    );
    await this.removeFiles(superseded);
  }

  /** Claims a processing video for one transcode run; false when it is not processing. */
  async claim(videoId: string, runToken: string): Promise<boolean> {
    return this.videos.claim(videoId, runToken);
  }

  /** Progress of the run that owns the video (a superseded run writes nothing). */
  async reportProgress(videoId: string, runToken: string, percent: number): Promise<void> {
    await this.videos.setProgress(videoId, runToken, percent);
  }

  /** The published video becomes the lesson's video; the one it replaces is removed. */
  async markReady(
    videoId: string,
    runToken: string,
    result: TranscodeResult,
  ): Promise<TransitionOutcome> {
    const outcome = await this.videos.transaction(async (manager) => {
      const video = await this.videos.lockOwned(manager, videoId, runToken);
      if (!video) return null;
      await this.lessonVideos.attachLessonVideo(
        video.lessonId,
        { videoId, ready: true, durationSeconds: result.durationSeconds },
        manager,
      );
      const replaced = await this.videos.lockIdsOfLesson(
        manager,
        video.lessonId,
        ['ready'],
        videoId,
      );
      if (replaced.length > 0) await this.videos.deleteMany(manager, replaced);
      await this.videos.update(manager, videoId, {
        status: 'ready',
        pendingLessonId: null,
        progressPercent: 100,
        durationSeconds: result.durationSeconds,
        renditions: result.renditions,
        readyAt: this.clock.now(),
      });
      await recordEvent(manager, 'video.ready', await this.outcomeEvent(video));
      return replaced;
    });
    if (outcome === null) return 'gone';
    await this.removeFiles(outcome);
    return 'applied';
  }

  /** The video failed for `reason` (for its uploader); the lesson keeps what it had. */
  async markFailed(videoId: string, runToken: string, reason: string): Promise<TransitionOutcome> {
    return this.videos.transaction(async (manager) => {
      const video = await this.videos.lockOwned(manager, videoId, runToken);
      if (!video) return 'gone';
      await this.videos.update(manager, videoId, {
        status: 'failed',
        pendingLessonId: null,
        failure: reason.slice(0, 500),
      });
      await recordEvent(manager, 'video.failed', { ...(await this.outcomeEvent(video)), reason });
      return 'applied';
    });
  }

  private async outcomeEvent(video: Video): Promise<OutboxEvents['video.ready']> {
    const { lessonTitle, courseId, courseTitle } = await this.snapshot(video.lessonId);
    return {
      videoId: video.id,
      lessonId: video.lessonId,
      courseId,
      uploadedBy: video.uploadedBy,
      lessonTitle,
      courseTitle,
    };
  }

  private async snapshot(
    lessonId: string,
  ): Promise<{ lessonTitle: string; courseId: string; courseTitle: string }> {
    const lesson = await this.outline.lesson(lessonId);
    const course = lesson && (await this.outline.course(lesson.courseId));
    return {
      lessonTitle: lesson?.title ?? '',
      courseId: lesson?.courseId ?? '',
      courseTitle: course?.title ?? '',
    };
  }

  /** Files of superseded videos; a failure leaves files behind, so it is logged loudly. */
  private async removeFiles(videoIds: readonly string[]): Promise<void> {
    for (const videoId of videoIds) {
      await this.storage.deletePrefix(videoPrefix(videoId)).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error(`Files of superseded video ${videoId} were not removed: ${message}`);
      });
    }
  }

  /** Runs again when a deadlock or a racing insert on a unique key stopped it. */
  private retrying<T>(work: () => Promise<T>): Promise<T> {
    return retryOnDeadlock(work, { attempts: ATTEMPTS, orWhen: (error) => isDuplicateKey(error) });
  }
}
