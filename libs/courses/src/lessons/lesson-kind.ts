/**
 * What a lesson is: a distance (video) lesson, a broadcast, rich text, a quiz, or a cmi5
 * package (content that reports its own progress over xAPI; the cmi5 lib holds the package).
 */
export const LESSON_KINDS = ['video', 'television', 'reading', 'quiz', 'cmi5'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** Kinds that complete by watching, so they carry a completion threshold (percent of duration). */
export const WATCHED_KINDS: readonly LessonKind[] = ['video', 'television'];

/** The share of a video that completes the lesson unless the author sets another (domain.md). */
export const DEFAULT_COMPLETION_THRESHOLD = 90;
