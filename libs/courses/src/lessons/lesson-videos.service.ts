import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import { CourseStructure } from '../courses/course-structure';
import type { LessonView } from '../courses/course-view';
import { WATCHED_KINDS } from './lesson-kind';
import { Lesson } from './lesson.entity';

/** What the distance-lessons lib reports about a lesson's video. */
export interface LessonVideoState {
  videoId: string;
  /** True once the video can be played (transcoded); a required video lesson needs it to publish. */
  ready: boolean;
  /** The video's length; null until it is known (before probing). */
  durationSeconds: number | null;
}

/**
 * The seam where videos meet lessons. Courses do not depend on distance-lessons: that lib calls
 * {@link LessonVideos.attachLessonVideo} when a video is uploaded, becomes ready or fails.
 */
@Injectable()
export class LessonVideos {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly structure: CourseStructure,
  ) {}

  /**
   * Attaches (or updates) the video of a video or television lesson. Trusted callers only: the
   * caller has already checked who is uploading. Works on published courses too (a replaced
   * video, a transcode that finished after publishing). Pass the caller's `manager` to make it
   * part of the caller's transaction (the video row and the lesson change commit together).
   */
  async attachLessonVideo(
    lessonId: string,
    state: LessonVideoState,
    manager?: EntityManager,
  ): Promise<LessonView> {
    if (manager) return this.attach(manager, lessonId, state);
    return this.dataSource.transaction((own) => this.attach(own, lessonId, state));
  }

  private async attach(
    manager: EntityManager,
    lessonId: string,
    state: LessonVideoState,
  ): Promise<LessonView> {
    const lesson = await manager.getRepository(Lesson).findOneBy({ id: lessonId });
    if (!lesson) throw CourseError.lessonNotFound(lessonId);
    if (!WATCHED_KINDS.includes(lesson.kind))
      throw new CourseError('LESSON_NOT_VIDEO', `A ${lesson.kind} lesson takes no video`, {
        lessonId,
      });
    await manager.getRepository(Lesson).update(
      { id: lessonId },
      {
        videoId: state.videoId,
        videoReady: state.ready,
        durationSeconds: state.durationSeconds,
      },
    );
    const [view] = await this.structure.lessonViews(
      manager,
      [
        {
          ...lesson,
          videoId: state.videoId,
          videoReady: state.ready,
          durationSeconds: state.durationSeconds,
        },
      ],
      'staff',
    );
    return view!;
  }
}
