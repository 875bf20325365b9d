import type { OutboxEvents } from '@lifelong/common';
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

/** Reads the payload of kind K's event: the field names it asks for are that event's. */
type Recipe<K extends NotificationKind> = (
  payload: EventPayload<OutboxEvents[K]>,
) => NotificationPlan<K>;

/** Keeps the optional snapshot fields that are present (JSON has no `undefined`). */
const present = <T extends Record<string, string | undefined>>(data: T): T =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;

/** A reader of any one of these kinds' events: it may ask only for the fields they share. */
type PayloadOf<K extends NotificationKind> = K extends NotificationKind
  ? EventPayload<OutboxEvents[K]>
  : never;

/** Snapshot fields only some kinds of an event family carry. */
type Extra = Record<string, string | undefined>;

/** An enrollment event goes to its learner. */
const enrollment = (payload: PayloadOf<'enrollment.confirmed' | 'enrollment.promoted'>) => ({
  recipientIds: [payload.id('userId')],
  data: present({
    enrollmentId: payload.id('enrollmentId'),
    courseId: payload.id('courseId'),
    // A snapshot like any title: without it the templates fall back to "the course".
    courseTitle: payload.text('courseTitle'),
  }),
});

/** A video outcome goes to its uploader; `extra` is what only one outcome carries. */
const video = <X extends Extra>(payload: PayloadOf<'video.ready' | 'video.failed'>, extra: X) => ({
  recipientIds: [payload.id('uploadedBy')],
  data: present({
    videoId: payload.id('videoId'),
    lessonId: payload.text('lessonId'),
    courseId: payload.text('courseId'),
    lessonTitle: payload.text('lessonTitle'),
    courseTitle: payload.text('courseTitle'),
    ...extra,
  }),
});

type TrainingKind =
  'training.assigned' | 'training.due-soon' | 'training.overdue' | 'training.escalated';

/**
 * Training notices name their recipients (chunked by the producer), learners or managers;
 * `extra` is what only some notices carry.
 */
const training = <X extends Extra>(payload: PayloadOf<TrainingKind>, extra: X) => ({
  recipientIds: payload.ids('recipientIds'),
  data: present({
    requirementId: payload.id('requirementId'),
    courseId: payload.text('courseId'),
    title: payload.text('title'),
    courseTitle: payload.text('courseTitle'),
    dueAt: payload.text('dueAt'),
    ...extra,
  }),
});

/** The notice to org managers about their staff. */
const managers = (payload: PayloadOf<'training.overdue' | 'training.escalated'>) => ({
  audience: payload.text('audience'),
  orgUnitName: payload.text('orgUnitName'),
  staffCount: payload.text('staffCount'),
});

/**
 * How each event becomes notifications. The producer puts the display snapshot (titles as they
 * were) in the payload, so nothing here reads another domain's tables. A reminder names its
 * recipients itself (`recipientIds`, chunked by the producer), so one event reaches many.
 */
const RECIPES: { readonly [K in NotificationKind]: Recipe<K> } = {
  'enrollment.confirmed': (payload) => ({ kind: 'enrollment.confirmed', ...enrollment(payload) }),
  'enrollment.promoted': (payload) => ({ kind: 'enrollment.promoted', ...enrollment(payload) }),
  'video.ready': (payload) => ({ kind: 'video.ready', ...video(payload, {}) }),
  'video.failed': (payload) => ({
    kind: 'video.failed',
    ...video(payload, { reason: payload.text('reason') }),
  }),
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
  'training.assigned': (payload) => ({ kind: 'training.assigned', ...training(payload, {}) }),
  'training.due-soon': (payload) => ({
    kind: 'training.due-soon',
    ...training(payload, { daysLeft: payload.text('daysLeft') }),
  }),
  'training.overdue': (payload) => ({
    kind: 'training.overdue',
    ...training(payload, managers(payload)),
  }),
  'training.escalated': (payload) => ({
    kind: 'training.escalated',
    ...training(payload, managers(payload)),
  }),
  'monitoring.report-due-soon': (payload) => ({
    kind: 'monitoring.report-due-soon',
    recipientIds: payload.ids('recipientIds'),
    data: present({
      facilityId: payload.id('facilityId'),
      year: payload.key('year'),
      facilityName: payload.text('facilityName'),
      daysLeft: payload.text('daysLeft'),
      deadline: payload.text('deadline'),
    }),
  }),
  'monitoring.action-due': (payload) => ({
    kind: 'monitoring.action-due',
    recipientIds: payload.ids('recipientIds'),
    data: present({
      actionId: payload.id('actionId'),
      inspectionId: payload.id('inspectionId'),
      daysLeft: payload.key('daysLeft'),
      title: payload.text('title'),
      targetName: payload.text('targetName'),
      dueOn: payload.text('dueOn'),
    }),
  }),
};

/** The notifications an outbox event of `type` becomes; throws UndeliverableEventError. */
export function planNotification(type: string, payload: unknown): NotificationPlan {
  if (!isNotificationKind(type))
    throw new UndeliverableEventError(`No notification recipe for event "${type}"`);
  const plan = planOf(type, payload);
  return { ...plan, recipientIds: [...new Set(plan.recipientIds)] };
}

function planOf<K extends NotificationKind>(kind: K, payload: unknown): NotificationPlan<K> {
  const recipe: Recipe<K> = RECIPES[kind];
  return recipe(new EventPayload<OutboxEvents[K]>(payload));
}
