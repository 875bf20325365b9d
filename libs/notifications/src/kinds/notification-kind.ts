/**
 * The kinds of notification with a recipe and templates (api.md's list). An outbox event of
 * the same name becomes one.
 */
export const NOTIFICATION_KINDS = [
  'enrollment.confirmed',
  'enrollment.promoted',
  'video.ready',
  'video.failed',
  'broadcast.reminder',
  'certificate.issued',
  'training.assigned',
  'training.due-soon',
  'training.overdue',
  'training.escalated',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (value: string): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(value);

/**
 * What each kind's templates read: ids, and the producer's display snapshot (titles as they
 * were when the event happened). Optional fields render as a generic phrase when absent.
 * Every value is a string: ISO 8601 for times.
 */
export interface NotificationDataByKind {
  'enrollment.confirmed': { enrollmentId: string; courseId: string; courseTitle?: string };
  'enrollment.promoted': { enrollmentId: string; courseId: string; courseTitle?: string };
  'video.ready': {
    videoId: string;
    lessonId?: string;
    courseId?: string;
    lessonTitle?: string;
    courseTitle?: string;
  };
  'video.failed': {
    videoId: string;
    lessonId?: string;
    courseId?: string;
    lessonTitle?: string;
    courseTitle?: string;
    reason?: string;
  };
  'broadcast.reminder': {
    broadcastId: string;
    courseId?: string;
    lessonTitle?: string;
    courseTitle?: string;
    channelName?: string;
    startsAt?: string;
  };
  'certificate.issued': { serial: string; courseId?: string; courseTitle?: string };
  'training.assigned': TrainingData;
  'training.due-soon': TrainingData & { daysLeft?: string };
  'training.overdue': TrainingData & TrainingManagerData;
  'training.escalated': TrainingData & TrainingManagerData;
}

/** A mandated-training notice: the requirement and the course that satisfies it. */
type TrainingData = {
  requirementId: string;
  courseId?: string;
  title?: string;
  courseTitle?: string;
  dueAt?: string;
};

/** `audience` is `manager` when the notice tells org managers about their staff. */
type TrainingManagerData = {
  audience?: string;
  orgUnitName?: string;
  staffCount?: string;
};

/** A notification's stored data, as read back from the database (any kind). */
export type NotificationData = Readonly<Record<string, string>>;
