import type { LessonKind } from '../lessons/lesson-kind';
import { isBlankReading } from '../reading/sanitize-reading';

/** A lesson as the readiness check sees it. */
export interface LessonForReadiness {
  id: string;
  title: string;
  kind: LessonKind;
  required: boolean;
  videoId: string | null;
  videoReady: boolean;
  packageId: string | null;
  body: string | null;
  questionCount: number;
}

/** Why a course cannot be published yet. */
export type NotReadyCode =
  | 'NO_LESSONS'
  | 'NO_REQUIRED_LESSONS'
  | 'VIDEO_NOT_READY'
  | 'CMI5_WITHOUT_PACKAGE'
  | 'QUIZ_WITHOUT_QUESTIONS'
  | 'READING_WITHOUT_BODY';

export interface NotReadyReason {
  code: NotReadyCode;
  message: string;
  lessonId?: string;
}

/**
 * Every reason the course cannot be published, in lesson order; empty when it can. All reasons
 * are listed at once, so an author fixes them in one pass rather than one refusal at a time.
 */
export function publishReadiness(lessons: readonly LessonForReadiness[]): NotReadyReason[] {
  if (lessons.length === 0) return [{ code: 'NO_LESSONS', message: 'The course has no lessons' }];
  const reasons: NotReadyReason[] = [];
  if (!lessons.some((lesson) => lesson.required))
    reasons.push({
      code: 'NO_REQUIRED_LESSONS',
      message: 'Every lesson is optional: nothing would complete the course',
    });
  for (const lesson of lessons) {
    const reason = lessonReason(lesson);
    if (reason) reasons.push({ ...reason, lessonId: lesson.id });
  }
  return reasons;
}

function lessonReason(lesson: LessonForReadiness): Omit<NotReadyReason, 'lessonId'> | null {
  switch (lesson.kind) {
    case 'video':
      return lesson.required && !(lesson.videoId !== null && lesson.videoReady)
        ? {
            code: 'VIDEO_NOT_READY',
            message: `The required video lesson "${lesson.title}" has no ready video`,
          }
        : null;
    case 'quiz':
      return lesson.questionCount === 0
        ? {
            code: 'QUIZ_WITHOUT_QUESTIONS',
            message: `The quiz "${lesson.title}" has no questions`,
          }
        : null;
    case 'reading':
      return isBlankReading(lesson.body)
        ? {
            code: 'READING_WITHOUT_BODY',
            message: `The reading lesson "${lesson.title}" has no text`,
          }
        : null;
    case 'television':
      // Broadcasts (libs/television-lessons) may be scheduled before or after publishing.
      return null;
    case 'cmi5':
      return lesson.required && lesson.packageId === null
        ? {
            code: 'CMI5_WITHOUT_PACKAGE',
            message: `The required cmi5 lesson "${lesson.title}" has no package`,
          }
        : null;
  }
}
