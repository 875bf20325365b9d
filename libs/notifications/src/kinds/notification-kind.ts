import type { OutboxEventType, OutboxEvents } from '@lifelong/common';

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
  'monitoring.report-due-soon',
  'monitoring.action-due',
] as const satisfies readonly OutboxEventType[];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (value: string): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(value);

/**
 * Fields of kind K's event (its payload in OutboxEvents, the one description of it) that a
 * notification keeps: `Always` are required, `WhenSent` are the producer's display snapshot and
 * render as a generic phrase when absent. Every value is a string: ISO 8601 for times.
 */
type Kept<
  K extends NotificationKind,
  Always extends keyof OutboxEvents[K],
  WhenSent extends keyof OutboxEvents[K] = never,
> = { [F in Always]: string } & { [F in WhenSent]?: string };

type VideoSnapshot = 'lessonId' | 'courseId' | 'lessonTitle' | 'courseTitle';
type TrainingSnapshot = 'courseId' | 'title' | 'courseTitle' | 'dueAt';
/** `audience` is `manager` when the notice tells org managers about their staff. */
type ManagerSnapshot = 'audience' | 'orgUnitName' | 'staffCount';

/** What each kind's templates read: ids, and the display snapshot (titles as they were). */
export interface NotificationDataByKind {
  'enrollment.confirmed': Kept<'enrollment.confirmed', 'enrollmentId' | 'courseId', 'courseTitle'>;
  'enrollment.promoted': Kept<'enrollment.promoted', 'enrollmentId' | 'courseId', 'courseTitle'>;
  'video.ready': Kept<'video.ready', 'videoId', VideoSnapshot>;
  'video.failed': Kept<'video.failed', 'videoId', VideoSnapshot | 'reason'>;
  'broadcast.reminder': Kept<
    'broadcast.reminder',
    'broadcastId',
    'courseId' | 'lessonTitle' | 'courseTitle' | 'channelName' | 'startsAt'
  >;
  'certificate.issued': Kept<'certificate.issued', 'serial', 'courseId' | 'courseTitle'>;
  'training.assigned': Kept<'training.assigned', 'requirementId', TrainingSnapshot>;
  'training.due-soon': Kept<'training.due-soon', 'requirementId', TrainingSnapshot | 'daysLeft'>;
  'training.overdue': Kept<'training.overdue', 'requirementId', TrainingSnapshot | ManagerSnapshot>;
  'training.escalated': Kept<
    'training.escalated',
    'requirementId',
    TrainingSnapshot | ManagerSnapshot
  >;
  'monitoring.report-due-soon': Kept<
    'monitoring.report-due-soon',
    'facilityId' | 'year',
    'facilityName' | 'daysLeft' | 'deadline'
  >;
  'monitoring.action-due': Kept<
    'monitoring.action-due',
    'actionId' | 'inspectionId' | 'daysLeft',
    'title' | 'targetName' | 'dueOn'
  >;
}

/** A notification's stored data, as read back from the database (any kind). */
export type NotificationData = Readonly<Record<string, string>>;
