import {
  type NotificationDataByKind,
  type NotificationKind,
  isNotificationKind,
} from '../kinds/notification-kind';
import { EventPayload, UndeliverableEventError } from './event-payload';

/** What one event becomes: a kind, its recipients, and the data every one of them gets. */
export interface NotificationPlan<K extends NotificationKind = NotificationKind> {
  kind: K;
  recipientIds: string[];
  data: NotificationDataByKind[K];
}

type Recipe<K extends NotificationKind> = (payload: EventPayload) => NotificationPlan<K>;

/** Keeps the optional snapshot fields that are present (JSON has no `undefined`). */
const present = <T extends Record<string, string | undefined>>(data: T): T =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;

const enrollment =
  <K extends 'enrollment.confirmed' | 'enrollment.promoted'>(kind: K): Recipe<K> =>
  (payload) => ({
    kind,
    recipientIds: [payload.id('userId')],
    data: present({
      enrollmentId: payload.id('enrollmentId'),
      courseId: payload.id('courseId'),
      // Not in EnrollmentEvent yet: the templates fall back to "the course" until it is.
      courseTitle: payload.text('courseTitle'),
    }),
  });

const video =
  <K extends 'video.ready' | 'video.failed'>(kind: K): Recipe<K> =>
  (payload) => ({
    kind,
    recipientIds: [payload.id('uploadedBy')],
    data: present({
      videoId: payload.id('videoId'),
      lessonId: payload.text('lessonId'),
      courseId: payload.text('courseId'),
      lessonTitle: payload.text('lessonTitle'),
      courseTitle: payload.text('courseTitle'),
      ...(kind === 'video.failed' && { reason: payload.text('reason') }),
    }),
  });

type TrainingKind =
  'training.assigned' | 'training.due-soon' | 'training.overdue' | 'training.escalated';

/** Training notices name their recipients (chunked by the producer), learners or managers. */
const training =
  <K extends TrainingKind>(kind: K): Recipe<K> =>
  (payload) => ({
    kind,
    recipientIds: payload.ids('recipientIds'),
    data: present({
      requirementId: payload.id('requirementId'),
      courseId: payload.text('courseId'),
      title: payload.text('title'),
      courseTitle: payload.text('courseTitle'),
      dueAt: payload.text('dueAt'),
      ...(kind === 'training.due-soon' && { daysLeft: payload.text('daysLeft') }),
      ...((kind === 'training.overdue' || kind === 'training.escalated') && {
        audience: payload.text('audience'),
        orgUnitName: payload.text('orgUnitName'),
        staffCount: payload.text('staffCount'),
      }),
    }),
  });

/**
 * How each event becomes notifications. The producer puts the display snapshot (titles as they
 * were) in the payload, so nothing here reads another domain's tables. A reminder names its
 * recipients itself (`recipientIds`, chunked by the producer), so one event reaches many.
 */
const RECIPES: { readonly [K in NotificationKind]: Recipe<K> } = {
  'enrollment.confirmed': enrollment('enrollment.confirmed'),
  'enrollment.promoted': enrollment('enrollment.promoted'),
  'video.ready': video('video.ready'),
  'video.failed': video('video.failed'),
  'broadcast.reminder': (payload) => ({
    kind: 'broadcast.reminder',
    recipientIds: payload.ids('recipientIds'),
    data: present({
      broadcastId: payload.id('broadcastId'),
      courseId: payload.text('courseId'),
      lessonTitle: payload.text('lessonTitle'),
      courseTitle: payload.text('courseTitle'),
      channelName: payload.text('channelName'),
      startsAt: payload.text('startsAt'),
    }),
  }),
  'certificate.issued': (payload) => ({
    kind: 'certificate.issued',
    recipientIds: [payload.id('userId')],
    data: present({
      serial: payload.key('serial'),
      courseId: payload.text('courseId'),
      courseTitle: payload.text('courseTitle'),
    }),
  }),
  'training.assigned': training('training.assigned'),
  'training.due-soon': training('training.due-soon'),
  'training.overdue': training('training.overdue'),
  'training.escalated': training('training.escalated'),
};

/** The notifications an outbox event of `type` becomes; throws UndeliverableEventError. */
export function planNotification(type: string, payload: unknown): NotificationPlan {
  if (!isNotificationKind(type))
    throw new UndeliverableEventError(`No notification recipe for event "${type}"`);
  const plan: NotificationPlan = RECIPES[type](new EventPayload(payload));
  return { ...plan, recipientIds: [...new Set(plan.recipientIds)] };
}
