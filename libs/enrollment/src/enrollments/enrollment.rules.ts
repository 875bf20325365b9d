/** Where an enrollment stands (domain.md): one per learner per course. */
export const ENROLLMENT_STATUSES = ['active', 'waitlisted', 'completed', 'withdrawn'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Self-enrolled by the learner, or made by mandated training (never blocked by capacity). */
export const ENROLLMENT_SOURCES = ['self', 'mandated'] as const;
export type EnrollmentSource = (typeof ENROLLMENT_SOURCES)[number];

/** The statuses in which a learner may learn (report progress, complete lessons, attempt quizzes). */
export const LEARNING_STATUSES: readonly EnrollmentStatus[] = ['active', 'completed'];

/**
 * Whether an enrollment in `status` lets its learner learn: watch a lesson's video, attend a
 * television lesson, follow the course's broadcast calendar. The one place that rule lives.
 */
export function isLearningStatus(status: string): status is EnrollmentStatus {
  return (LEARNING_STATUSES as readonly string[]).includes(status);
}

/** A course's enrollment window; either end may be open. */
export interface EnrollmentWindow {
  opensAt: Date | null;
  closesAt: Date | null;
}

/** Open from `opensAt` (inclusive) until `closesAt` (exclusive). */
export function isWindowOpen(window: EnrollmentWindow, now: Date): boolean {
  const time = now.getTime();
  if (window.opensAt && time < window.opensAt.getTime()) return false;
  if (window.closesAt && time >= window.closesAt.getTime()) return false;
  return true;
}

/** A seat when one is free (no capacity means no limit), else the waitlist. */
export function seatFor(
  capacity: number | null,
  activeEnrollments: number,
): 'active' | 'waitlisted' {
  return capacity === null || activeEnrollments < capacity ? 'active' : 'waitlisted';
}

/** Whole percent of required lessons completed, rounded down: 100 only when all are. */
export function progressPercent(completedRequired: number, required: number): number {
  if (required <= 0) return 0;
  return Math.min(100, Math.floor((completedRequired * 100) / required));
}

/**
 * The lessons whose completion completes a course: the required ones, or every lesson when the
 * author marked none required (a course is never complete with nothing done).
 */
export function countedLessonIds(
  lessons: readonly { lessonId: string; required: boolean }[],
): string[] {
  const required = lessons.filter((lesson) => lesson.required);
  return (required.length > 0 ? required : lessons).map((lesson) => lesson.lessonId);
}
