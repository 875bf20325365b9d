import type { JobName, JobPayloads } from './job-registry';

/**
 * Every event written to the transactional outbox, with its payload. Payloads carry ids.
 * A domain adds its events here and routes them to jobs in EVENT_ROUTES.
 */
export interface OutboxEvents {
  'organizations.staff-import-requested': { importId: string };
  /** A learner got a seat in a course (self-enrolled or mandated). */
  'enrollment.confirmed': EnrollmentEvent;
  /** A waitlisted learner got a seat freed by someone else. */
  'enrollment.promoted': EnrollmentEvent;
  /** A learner completed every required lesson of a course. */
  'enrollment.completed': EnrollmentEvent;
  /** An instructor uploaded a lesson video (multipart or tus): transcode it. */
  'media.video-uploaded': VideoUploadedEvent;
  /** A video was transcoded and is playable. */
  'video.ready': VideoOutcomeEvent;
  /** A video could not be processed; `reason` says what to do about it. */
  'video.failed': VideoOutcomeEvent & { reason: string };
  /** A broadcast airs soon: one event per chunk of at most 1,000 enrolled learners. */
  'broadcast.reminder': BroadcastReminderEvent;
  /** A certificate was issued for a completed enrollment. */
  'certificate.issued': CertificateIssuedEvent;
}

/** Who to remind of which airing, with a display snapshot as it was when the reminder fired. */
export interface BroadcastReminderEvent {
  broadcastId: string;
  /** At most 1,000 learners per event; the producer chunks larger audiences. */
  recipientIds: string[];
  courseId: string;
  courseTitle: string;
  lessonTitle: string;
  channelName: string;
  /** ISO 8601 (UTC). */
  startsAt: string;
}

/** One certificate, issued once for one completed enrollment. */
export interface CertificateIssuedEvent {
  certificateId: string;
  serial: string;
  /** The holder (the recipient). */
  userId: string;
  enrollmentId: string;
  courseId: string;
  courseTitle: string;
  /** ISO 8601 (UTC). */
  issuedAt: string;
  /** ISO 8601 (UTC), or null when the certificate does not expire. */
  expiresAt: string | null;
}

/** A video's source is stored and waits for transcoding. */
export interface VideoUploadedEvent {
  videoId: string;
}

/**
 * A video became playable or failed: for its uploader, with a display snapshot (titles as they
 * were) so the notification reads the same whenever it is rendered.
 */
export interface VideoOutcomeEvent {
  videoId: string;
  lessonId: string;
  courseId: string;
  /** The instructor who uploaded it (the recipient). */
  uploadedBy: string;
  lessonTitle: string;
  courseTitle: string;
}

/** The ids every enrollment event carries. */
export interface EnrollmentEvent {
  enrollmentId: string;
  courseId: string;
  userId: string;
  /** The course's title when it happened, for the notification. */
  courseTitle: string;
}

export type OutboxEventType = keyof OutboxEvents;

/** What the relay knows about an event besides its payload. */
export interface RoutedEvent {
  /** The outbox row's id: a job may re-read the event (and dedupe on it) instead of copying it. */
  eventId: string;
}

/** One job an event becomes; `jobId` makes delivery happen once however often the relay runs. */
export interface EventRoute<E extends OutboxEventType = OutboxEventType> {
  job: JobName;
  payload: (event: OutboxEvents[E], routed: RoutedEvent) => JobPayloads[JobName];
}

/**
 * Notifications re-read the event row: the kind's recipe (libs/notifications) picks the
 * recipients and the display snapshot from the payload.
 */
const toNotifications: EventRoute = {
  job: 'notifications.deliver-event',
  payload: (_event, { eventId }) => ({ outboxEventId: eventId }),
};

type Routes = { readonly [E in OutboxEventType]: readonly EventRoute<E>[] };

/** Which jobs each event becomes. An event with no route is only kept as history. */
export const EVENT_ROUTES: Routes = {
  'organizations.staff-import-requested': [
    { job: 'organizations.import-staff', payload: (event) => ({ importId: event.importId }) },
  ],
  'enrollment.confirmed': [toNotifications],
  'enrollment.promoted': [toNotifications],
  // Routed by certificates when they land.
  'enrollment.completed': [],
  'media.video-uploaded': [
    { job: 'media.transcode-video', payload: (event) => ({ videoId: event.videoId }) },
  ],
  'video.ready': [toNotifications],
  'video.failed': [toNotifications],
  'broadcast.reminder': [toNotifications],
  'certificate.issued': [toNotifications],
};
