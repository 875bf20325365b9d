import { CourseOutline, CourseStaff, WATCHED_KINDS, type LessonRule } from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';

/** A lesson with the facts the video rules need. */
export interface LessonContext {
  lesson: LessonRule;
  facilityId: string;
  courseTitle: string;
}

/** Who may touch a lesson's videos: the course's staff (instructors and admins of its facility). */
@Injectable()
export class LessonAccess {
  constructor(
    private readonly outline: CourseOutline,
    private readonly staff: CourseStaff,
  ) {}

  /** The lesson and its course, or 404 `LESSON_NOT_FOUND`. */
  async lesson(lessonId: string): Promise<LessonContext> {
    const lesson = await this.outline.lesson(lessonId);
    const course = lesson && (await this.outline.course(lesson.courseId));
    if (!lesson || !course) throw VideoError.lessonNotFound(lessonId);
    return { lesson, facilityId: course.facilityId, courseTitle: course.title };
  }

  /** True when `principal` authors the lesson's course (instructor or admin over its facility). */
  isStaff(principal: Principal, context: LessonContext): Promise<boolean> {
    return this.staff.isAuthor(principal, context.facilityId);
  }

  /** 403 unless the caller is staff of the lesson's course. */
  async assertStaff(principal: Principal, context: LessonContext): Promise<void> {
    if (!(await this.isStaff(principal, context)))
      throw new VideoError(
        'FORBIDDEN',
        "Only the course's instructors and the admins of its facility may manage its videos",
        { lessonId: context.lesson.lessonId },
      );
  }

  /**
   * The lesson a staff member uploads to: 404 when it does not exist, 403 when the caller is
   * not staff of its course, 422 when it takes no video (reading, quiz).
   */
  async uploadTarget(principal: Principal, lessonId: string): Promise<LessonContext> {
    const context = await this.lesson(lessonId);
    await this.assertStaff(principal, context);
    if (!WATCHED_KINDS.includes(context.lesson.kind))
      throw new VideoError('LESSON_NOT_VIDEO', `A ${context.lesson.kind} lesson takes no video`, {
        lessonId,
        kind: context.lesson.kind,
      });
    return context;
  }
}
