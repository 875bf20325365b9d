import type { JobsOptions } from 'bullmq';
import type { QueueName } from '../config/config';

/**
 * Every job in the system: its name (`<domain>.<verb>-<noun>`), payload and defaults.
 * Payloads carry ids, never entities; handlers re-read state. A domain adds its jobs here.
 */
export interface JobPayloads {
  /** Moves pending outbox events to their jobs (recurring). */
  'outbox.relay': Record<string, never>;
  /** Moves events relayed long ago to the archive table, out of the hot one (recurring). */
  'outbox.archive-events': Record<string, never>;
  /** Runs one staff CSV import. */
  'organizations.import-staff': { importId: string };
  /** Seats a course's waitlisted learners, oldest first, while it has free seats. */
  'enrollment.fill-free-seats': { courseId: string };
  /** Turns one outbox event into inbox entries and per-recipient email sends (or digest entries). */
  'notifications.deliver-event': { outboxEventId: string };
  /** Sends one notification email to one recipient, at most once. */
  'notifications.send-email': { eventId: string; userId: string };
  /** Sends an invitation or password-reset email (transactional), at most once. */
  'notifications.send-account-email': { outboxEventId: string };
  /** Finds users whose daily digest is due and queues one digest each (recurring). */
  'notifications.plan-digests': Record<string, never>;
  /** Sends one user's digest for one local day (`YYYY-MM-DD`), at most once. */
  'notifications.send-digest': { userId: string; digestDate: string };
  /** Probes an uploaded video, encodes its HLS renditions and poster, and publishes them. */
  'media.transcode-video': { videoId: string };
  /** Reminds a broadcast's enrolled learners, for the broadcast's revision `revision` only. */
  'television.remind-broadcast': { broadcastId: string; revision: number };
  /** Queues the reminders that are due and not sent (a lost delayed job is found here; recurring). */
  'television.sweep-reminders': Record<string, never>;
  /** Completes television lessons whose learners were present and have passed the check quiz (recurring). */
  'television.settle-checks': Record<string, never>;
  /** Runs one channel schedule CSV import. */
  'television.import-schedule': { importId: string };
  /** Issues the certificate of one completed enrollment (at most one, ever) and stores its PDF. */
  'certificates.issue': { enrollmentId: string };
  /** Brings one requirement's assignments in step with its current version and target. */
  'training.sync-requirement': { requirementId: string };
  /** Brings these people's assignments in step after they joined, moved or left units. */
  'training.sync-people': { userIds: string[] };
  /** Completes the assignment of a completed enrollment (from `enrollment.completed`). */
  'training.complete-assignment': { enrollmentId: string };
  /** Stores an issued certificate's serial on the assignment of its enrollment. */
  'training.attach-certificate': { enrollmentId: string; serial: string };
  /** Statuses, expiry, recertification windows, reminders and escalation (recurring). */
  'training.scan-deadlines': Record<string, never>;
  /** Recomputes the programme figures an enrollment, its completion and certificate fall in. */
  'monitoring.refresh-figures': { enrollmentId: string };
  'monitoring.refresh-airings': { broadcastIds: string[] };
  'monitoring.refresh-facility': { facilityId: string };
  /** Recomputes the yearly figures above facilities whose reports were accepted. */
  'monitoring.refresh-reports': { year: number; facilityIds: string[] };
  /** Recomputes the trained civil servants of the periods these people's training changed. */
  'monitoring.refresh-trained': { userIds: string[] };
  /** Reminds facility admins of yearly reports due soon and not submitted (recurring). */
  'monitoring.remind-reports': Record<string, never>;
  /** Turns one of a learner's learning events into xAPI statements, once per event. */
  'learning-records.record-event': { outboxEventId: string };
  /** Queues one forwarding run per active external LRS (recurring). */
  'learning-records.plan-forwards': Record<string, never>;
  /** Sends one external LRS the statements after its cursor, moving the cursor on each 2xx. */
  'learning-records.forward-statements': { forwardId: string };
  /** Recomputes every programme figure and repairs drift (recurring, nightly). */
  'monitoring.reconcile-figures': Record<string, never>;
  /** Checks every unit's compliance counts against its assignments and repairs drift (nightly). */
  'training.reconcile-counts': Record<string, never>;
  /** Deletes sessions, refresh tokens and account links long expired or spent (recurring). */
  'identity.purge-spent-tokens': Record<string, never>;
  /** Deletes tus uploads nobody has written to for a day (recurring). */
  'media.sweep-abandoned-uploads': Record<string, never>;
  /** Deletes transcode scratch folders left by runs that died (recurring). */
  'media.sweep-transcode-scratch': Record<string, never>;
}

export type JobName = keyof JobPayloads;

/** Travels with every job so its logs carry the request that caused it. */
export interface JobMeta {
  requestId?: string;
}

export type JobData<N extends JobName> = JobPayloads[N] & { meta?: JobMeta };

export interface JobDefinition {
  queue: QueueName;
  options: JobsOptions;
}

const retrying = (attempts: number): JobsOptions => ({
  attempts,
  backoff: { type: 'exponential', delay: 2_000 },
  // Completed jobs are kept a week so a deterministic job id still dedupes a late re-delivery.
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
});

/** BullMQ priority of bulk emails; jobs with none (account emails) go before them. */
const BULK_EMAIL_PRIORITY = 10;

export const JOBS: { readonly [N in JobName]: JobDefinition } = {
  'outbox.relay': { queue: 'default', options: { removeOnComplete: true, removeOnFail: 100 } },
  'outbox.archive-events': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'organizations.import-staff': { queue: 'default', options: retrying(3) },
  'enrollment.fill-free-seats': { queue: 'default', options: retrying(5) },
  // Fan-out writes the inbox at once: on `default`, it never waits behind rate-limited sends.
  'notifications.deliver-event': { queue: 'default', options: retrying(5) },
  // 12 attempts at 2 s × 2^n: an SMTP relay may be away for about two hours before a send fails.
  // Bulk notification emails carry a priority, so the account emails (no priority: BullMQ takes
  // those first) never wait behind a reminder wave: a reset link is wanted now.
  'notifications.send-email': {
    queue: 'notifications',
    options: { ...retrying(12), priority: BULK_EMAIL_PRIORITY },
  },
  'notifications.send-account-email': { queue: 'notifications', options: retrying(12) },
  'notifications.plan-digests': {
    queue: 'notifications',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'notifications.send-digest': {
    queue: 'notifications',
    options: { ...retrying(12), priority: BULK_EMAIL_PRIORITY },
  },
  'media.transcode-video': { queue: 'media-transcode', options: retrying(3) },
  'television.remind-broadcast': { queue: 'default', options: retrying(5) },
  'television.sweep-reminders': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'television.settle-checks': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'television.import-schedule': { queue: 'default', options: retrying(3) },
  'certificates.issue': { queue: 'documents', options: retrying(8) },
  'training.sync-requirement': { queue: 'default', options: retrying(5) },
  'training.sync-people': { queue: 'default', options: retrying(5) },
  'training.complete-assignment': { queue: 'default', options: retrying(5) },
  'training.attach-certificate': { queue: 'default', options: retrying(5) },
  'training.scan-deadlines': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'monitoring.refresh-figures': { queue: 'default', options: retrying(5) },
  'monitoring.refresh-airings': { queue: 'default', options: retrying(5) },
  'monitoring.refresh-facility': { queue: 'default', options: retrying(5) },
  'monitoring.refresh-reports': { queue: 'default', options: retrying(5) },
  'monitoring.refresh-trained': { queue: 'default', options: retrying(5) },
  'learning-records.record-event': { queue: 'default', options: retrying(5) },
  'learning-records.plan-forwards': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  // 10 attempts at 2 s × 2^n (about half an hour), then the next plan run starts over: the
  // cursor stays until the remote accepts, so a long outage delays statements, never loses them.
  // Removed when done either way so the plan's per-forward job id can be queued again.
  'learning-records.forward-statements': {
    queue: 'default',
    options: { ...retrying(10), removeOnComplete: true, removeOnFail: true },
  },
  'monitoring.remind-reports': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'monitoring.reconcile-figures': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'training.reconcile-counts': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'identity.purge-spent-tokens': {
    queue: 'default',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  // On the transcoding workers: they are the ones that see MEDIA_DIR's scratch space.
  'media.sweep-abandoned-uploads': {
    queue: 'media-transcode',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'media.sweep-transcode-scratch': {
    queue: 'media-transcode',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
