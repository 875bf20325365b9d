import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import { CourseStructure } from '../courses/course-structure.service';
import type { LessonView } from '../courses/course-view';
import { CoursesRepository } from '../courses/courses.repository';
import { WATCHED_KINDS } from './lesson-kind';
import { LessonsRepository } from './lessons.repository';

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
    private readonly courses: CoursesRepository,
    private readonly lessons: LessonsRepository,
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
    return this.courses.transaction((own) => this.attach(own, lessonId, state));
  }

  private async attach(
    manager: EntityManager,
    lessonId: string,
    state: LessonVideoState,
  ): Promise<LessonView> {
    const lesson = await this.lessons.findById(lessonId, manager);
    if (!lesson) throw CourseError.lessonNotFound(lessonId);
    if (!WATCHED_KINDS.includes(lesson.kind))
      throw new CourseError('LESSON_NOT_VIDEO', `A ${lesson.kind} lesson takes no video`, {
        lessonId,
      });
    await this.lessons.update(manager, lessonId, {
      videoId: state.videoId,
      videoReady: state.ready,
      durationSeconds: state.durationSeconds,
    });
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
