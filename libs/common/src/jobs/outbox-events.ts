import type { JobName, JobPayloads } from './job-registry';

/**
 * Every event written to the transactional outbox, with its payload. Payloads carry ids.
 * A domain adds its events here and routes them to jobs in EVENT_ROUTES.
 */
export interface OutboxEvents {
  'organizations.staff-import-requested': { importId: string };
  /** A continuing-education facility was registered. */
  'organizations.facility-registered': { facilityId: string };
  /** A course's capacity was raised or removed: learners on its waitlist may now get seats. */
  'course.capacity-raised': { courseId: string };
  /** A learner got a seat in a course (self-enrolled or mandated). */
  'enrollment.confirmed': EnrollmentEvent;
  /** A waitlisted learner got a seat freed by someone else. */
  'enrollment.promoted': EnrollmentEvent;
  /** A learner left a course (their seat, if they had one, went to the waitlist). */
  'enrollment.withdrawn': EnrollmentEvent;
  /** A learner completed every required lesson of a course. */
  'enrollment.completed': EnrollmentEvent;
  /** A learner completed one lesson (read, watched, passed, or attended). */
  'enrollment.lesson-completed': LessonCompletedEvent;
  /** A learner's quiz attempt was graded and counted. */
  'enrollment.quiz-attempted': QuizAttemptedEvent;
  /** An instructor uploaded a lesson video (multipart or tus): transcode it. */
  'media.video-uploaded': VideoUploadedEvent;
  /** A video was transcoded and is playable. */
  'video.ready': VideoOutcomeEvent;
  /** A video could not be processed; `reason` says what to do about it. */
  'video.failed': VideoOutcomeEvent & { reason: string };
  /** A broadcast airs soon: one event per chunk of at most 1,000 enrolled learners. */
  'broadcast.reminder': BroadcastReminderEvent;
  /**
   * Airings were scheduled, moved or cancelled, or someone's attendance at one was recorded or
   * voided (at most 500 broadcasts per event).
   */
  'television.airings-changed': { broadcastIds: string[] };
  /** A learner's presence at an airing was recorded (by themselves or by facility staff). */
  'television.attendance-recorded': AttendanceRecordedEvent;
  /** A channel schedule CSV was uploaded: import it. */
  'television.schedule-import-requested': { importId: string };
  /** A certificate was issued for a completed enrollment. */
  'certificate.issued': CertificateIssuedEvent;
  /** People joined, moved or left org units (staff import: one event per batch of ≤1,000). */
  'organizations.memberships-changed': MembershipsChangedEvent;
  /** A training requirement was created or edited: its assignments follow the new version. */
  'training.requirement-changed': { requirementId: string };
  /** People were assigned mandated training: one event per chunk of at most 1,000. */
  'training.assigned': TrainingNoticeEvent;
  /** Mandated assignments were completed (one event per assignment, naming its holder). */
  'training.assignments-completed': { userIds: string[] };
  /** Mandated training is due soon (`daysLeft` is the reminder step). */
  'training.due-soon': TrainingNoticeEvent & { daysLeft: string };
  /** Mandated training is overdue: for the learners, or for their unit's org managers. */
  'training.overdue': TrainingNoticeEvent & TrainingManagerNotice;
  /** Staff are still overdue after the escalation period: for the org managers one unit up. */
  'training.escalated': TrainingNoticeEvent & TrainingManagerNotice;
  /** Yearly facility reports were accepted (by a decision or an import): their figures move. */
  'monitoring.reports-accepted': { year: number; facilityIds: string[] };
  /** A facility's yearly report is due soon and not submitted: for its facility admins. */
  'monitoring.report-due-soon': ReportReminderEvent;
  /** An inspection's follow-up action is due soon or overdue: for its owner (and its inspector). */
  'monitoring.action-due': ActionReminderEvent;
  /** Someone was invited to set a password (email with a one-time link, valid 7 days). */
  'identity.invitation-sent': AccountLinkEvent;
  /** Someone asked for a password reset (email with a one-time link, valid 1 hour). */
  'identity.password-reset-requested': AccountLinkEvent;
}

/**
 * A one-time account link to email. The token itself is never in the event: the sender derives
 * it from `tokenId` with the server's key (identity's AccountLinkTokens), so no table holds it.
 */
export interface AccountLinkEvent {
  tokenId: string;
  userId: string;
  /** ISO 8601 (UTC). */
  expiresAt: string;
}

/** The people whose current membership changed (at most 1,000 per event). */
export interface MembershipsChangedEvent {
  userIds: string[];
}

/** A training notice for a chunk of at most 1,000 recipients, with a display snapshot. */
export interface TrainingNoticeEvent {
  requirementId: string;
  recipientIds: string[];
  title: string;
  courseId: string;
  courseTitle: string;
  /** ISO 8601 (UTC), when every recipient's assignment shares it; absent otherwise. */
  dueAt?: string;
}

/** Present when the recipients are managers rather than the learners themselves. */
export interface TrainingManagerNotice {
  audience?: 'learner' | 'manager';
  orgUnitName?: string;
  /** How many of the unit's staff this notice is about (managers' notices). */
  staffCount?: string;
}

/** A yearly report reminder for a facility's admins, with a display snapshot. */
export interface ReportReminderEvent {
  facilityId: string;
  /** The report's year, as text (`2026`). */
  year: string;
  recipientIds: string[];
  facilityName?: string;
  /** The reminder step: days left before the deadline. */
  daysLeft: string;
  /** ISO 8601 (UTC). */
  deadline: string;
}

/** A follow-up action to remind of, with a display snapshot as it was when the reminder fired. */
export interface ActionReminderEvent {
  actionId: string;
  inspectionId: string;
  recipientIds: string[];
  title?: string;
  /** The inspected facility or org unit. */
  targetName?: string;
  /** The due day in Vietnam, `YYYY-MM-DD`. */
  dueOn?: string;
  /** The reminder step: days left (`7`, `1`), or `overdue`. */
  daysLeft: string;
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
  /** As displayed (`XXXX-XXXX-XXXX-XX`); the verification routes accept it as it is. */
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

/** A lesson completed, with the watched segments when watching completed it. */
export interface LessonCompletedEvent {
  enrollmentId: string;
  courseId: string;
  userId: string;
  lessonId: string;
  /** ISO 8601 (UTC). */
  completedAt: string;
  /** Present when a video (or replay) completed by the seconds watched. */
  watched?: {
    /** The distinct segments watched, `[from, to]` in seconds, in order. */
    segments: [number, number][];
    watchedSeconds: number;
    durationSeconds: number;
  };
}

/** One graded quiz attempt (the answers stay in the enrollment lib). */
export interface QuizAttemptedEvent {
  attemptId: string;
  enrollmentId: string;
  courseId: string;
  userId: string;
  lessonId: string;
  attemptNumber: number;
  /** 0..100. */
  score: number;
  passed: boolean;
  /** ISO 8601 (UTC). */
  attemptedAt: string;
}

/** A learner's attendance at one airing. */
export interface AttendanceRecordedEvent {
  attendanceId: string;
  broadcastId: string;
  courseId: string;
  lessonId: string;
  userId: string;
  /** How it was recorded (`code`, `group`, …). */
  method: string;
  /** The facility of a group viewing; null for a learner's own check-in. */
  facilityId: string | null;
  /** Who recorded it: the learner, or the facility staff member for a group. */
  recordedBy: string;
  /** ISO 8601 (UTC). */
  recordedAt: string;
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

/**
 * One job an event becomes: the payload mapper takes event `E`'s payload and returns job `J`'s,
 * so pairing a job with another job's payload does not compile. `jobId` makes delivery happen
 * once however often the relay runs.
 */
export interface EventRoute<E extends OutboxEventType, J extends JobName> {
  job: J;
  payload: (event: OutboxEvents[E], routed: RoutedEvent) => JobPayloads[J];
}

/** Any route event `E` may take: one of EventRoute<E, J> for some job `J`. */
export type EventRouteOf<E extends OutboxEventType> = { [J in JobName]: EventRoute<E, J> }[JobName];

/**
 * Notifications re-read the event row: the kind's recipe (libs/notifications) picks the
 * recipients and the display snapshot from the payload.
 */
const toNotifications: EventRoute<OutboxEventType, 'notifications.deliver-event'> = {
  job: 'notifications.deliver-event',
  payload: (_event, { eventId }) => ({ outboxEventId: eventId }),
};

/** Programme figures follow every enrollment, withdrawal, completion and certificate. */
const toMonitoring: EventRoute<
  | 'enrollment.confirmed'
  | 'enrollment.promoted'
  | 'enrollment.withdrawn'
  | 'enrollment.completed'
  | 'certificate.issued',
  'monitoring.refresh-figures'
> = {
  job: 'monitoring.refresh-figures',
  payload: (event) => ({ enrollmentId: event.enrollmentId }),
};

/** The trained civil servants follow completions, moves between units and new or overdue training. */
const toTrainedFigures: EventRoute<
  'training.assignments-completed' | 'organizations.memberships-changed',
  'monitoring.refresh-trained'
> = {
  job: 'monitoring.refresh-trained',
  payload: (event) => ({ userIds: event.userIds }),
};

/** A notice names its learners (or, for managers' notices, the managers: a harmless refresh). */
const noticeToTrainedFigures: EventRoute<
  'training.assigned' | 'training.overdue',
  'monitoring.refresh-trained'
> = {
  job: 'monitoring.refresh-trained',
  payload: (event) => ({ userIds: event.recipientIds }),
};

/** Transactional account emails: sent whatever the person's email preferences, no inbox entry. */
const toAccountEmail: EventRoute<OutboxEventType, 'notifications.send-account-email'> = {
  job: 'notifications.send-account-email',
  payload: (_event, { eventId }) => ({ outboxEventId: eventId }),
};

/** Each of a learner's own learning events becomes xAPI statements in the store. */
const toLearningRecords: EventRoute<
  | 'enrollment.confirmed'
  | 'enrollment.promoted'
  | 'enrollment.withdrawn'
  | 'enrollment.completed'
  | 'enrollment.lesson-completed'
  | 'enrollment.quiz-attempted'
  | 'television.attendance-recorded'
  | 'certificate.issued',
  'learning-records.record-event'
> = {
  job: 'learning-records.record-event',
  payload: (_event, { eventId }) => ({ outboxEventId: eventId }),
};

type Routes = { readonly [E in OutboxEventType]: readonly EventRouteOf<E>[] };

/** Which jobs each event becomes. An event with no route is only kept as history. */
export const EVENT_ROUTES: Routes = {
  'organizations.staff-import-requested': [
    { job: 'organizations.import-staff', payload: (event) => ({ importId: event.importId }) },
  ],
  'organizations.facility-registered': [
    {
      job: 'monitoring.refresh-facility',
      payload: (event) => ({ facilityId: event.facilityId }),
    },
  ],
  'course.capacity-raised': [
    { job: 'enrollment.fill-free-seats', payload: (event) => ({ courseId: event.courseId }) },
  ],
  'enrollment.confirmed': [toNotifications, toMonitoring, toLearningRecords],
  'enrollment.promoted': [toNotifications, toMonitoring, toLearningRecords],
  'enrollment.withdrawn': [toMonitoring, toLearningRecords],
  'enrollment.completed': [
    { job: 'certificates.issue', payload: (event) => ({ enrollmentId: event.enrollmentId }) },
    {
      job: 'training.complete-assignment',
      payload: (event) => ({ enrollmentId: event.enrollmentId }),
    },
    toMonitoring,
    toLearningRecords,
  ],
  'enrollment.lesson-completed': [toLearningRecords],
  'enrollment.quiz-attempted': [toLearningRecords],
  'media.video-uploaded': [
    { job: 'media.transcode-video', payload: (event) => ({ videoId: event.videoId }) },
  ],
  'video.ready': [toNotifications],
  'video.failed': [toNotifications],
  'broadcast.reminder': [toNotifications],
  'television.airings-changed': [
    {
      job: 'monitoring.refresh-airings',
      payload: (event) => ({ broadcastIds: event.broadcastIds }),
    },
  ],
  'television.attendance-recorded': [toLearningRecords],
  'television.schedule-import-requested': [
    { job: 'television.import-schedule', payload: (event) => ({ importId: event.importId }) },
  ],
  'certificate.issued': [
    toNotifications,
    {
      job: 'training.attach-certificate',
      payload: (event) => ({ enrollmentId: event.enrollmentId, serial: event.serial }),
    },
    toMonitoring,
    toLearningRecords,
  ],
  'organizations.memberships-changed': [
    { job: 'training.sync-people', payload: (event) => ({ userIds: event.userIds }) },
    toTrainedFigures,
  ],
  'training.requirement-changed': [
    {
      job: 'training.sync-requirement',
      payload: (event) => ({ requirementId: event.requirementId }),
    },
  ],
  'training.assigned': [toNotifications, noticeToTrainedFigures],
  'training.assignments-completed': [toTrainedFigures],
  'training.due-soon': [toNotifications],
  'training.overdue': [toNotifications, noticeToTrainedFigures],
  'training.escalated': [toNotifications],
  'monitoring.reports-accepted': [
    {
      job: 'monitoring.refresh-reports',
      payload: (event) => ({ year: event.year, facilityIds: event.facilityIds }),
    },
  ],
  'monitoring.report-due-soon': [toNotifications],
  'monitoring.action-due': [toNotifications],
  'identity.invitation-sent': [toAccountEmail],
  'identity.password-reset-requested': [toAccountEmail],
};

/** A job an event becomes, its payload already mapped by the event's route. */
export interface RoutedJob {
  job: JobName;
  payload: JobPayloads[JobName];
}

export const isOutboxEventType = (type: string): type is OutboxEventType =>
  Object.hasOwn(EVENT_ROUTES, type);

/** The jobs an event of `type` becomes, in its routes' order. */
export function jobsForEvent<E extends OutboxEventType>(
  type: E,
  event: OutboxEvents[E],
  routed: RoutedEvent,
): RoutedJob[] {
  const routes: readonly EventRouteOf<E>[] = EVENT_ROUTES[type];
  return routes.map((route) => ({ job: route.job, payload: route.payload(event, routed) }));
}
