import type { JobsOptions } from 'bullmq';
import type { QueueName } from '../config/config';

/**
 * Every job in the system: its name (`<domain>.<verb>-<noun>`), payload and defaults.
 * Payloads carry ids, never entities; handlers re-read state. A domain adds its jobs here.
 */
export interface JobPayloads {
  /** Moves pending outbox events to their jobs (recurring). */
  'outbox.relay': Record<string, never>;
  /** Runs one staff CSV import. */
  'organizations.import-staff': { importId: string };
  /** Turns one outbox event into inbox entries and per-recipient email sends (or digest entries). */
  'notifications.deliver-event': { outboxEventId: string };
  /** Sends one notification email to one recipient, at most once. */
  'notifications.send-email': { eventId: string; userId: string };
  /** Finds users whose daily digest is due and queues one digest each (recurring). */
  'notifications.plan-digests': Record<string, never>;
  /** Sends one user's digest for one local day (`YYYY-MM-DD`), at most once. */
  'notifications.send-digest': { userId: string; digestDate: string };
  /** Probes an uploaded video, encodes its HLS renditions and poster, and publishes them. */
  'media.transcode-video': { videoId: string };
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

export const JOBS: { readonly [N in JobName]: JobDefinition } = {
  'outbox.relay': { queue: 'default', options: { removeOnComplete: true, removeOnFail: 100 } },
  'organizations.import-staff': { queue: 'default', options: retrying(3) },
  // Fan-out writes the inbox at once: on `default`, it never waits behind rate-limited sends.
  'notifications.deliver-event': { queue: 'default', options: retrying(5) },
  // 12 attempts at 2 s × 2^n: an SMTP relay may be away for about two hours before a send fails.
  'notifications.send-email': { queue: 'notifications', options: retrying(12) },
  'notifications.plan-digests': {
    queue: 'notifications',
    options: { removeOnComplete: true, removeOnFail: 100 },
  },
  'notifications.send-digest': { queue: 'notifications', options: retrying(12) },
  'media.transcode-video': { queue: 'media-transcode', options: retrying(3) },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
