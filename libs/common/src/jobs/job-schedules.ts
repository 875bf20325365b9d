import type { RepeatOptions } from 'bullmq';
import type { AppConfig } from '../config/config';
import type { JobName } from './job-registry';

const HOUR_MS = 3_600_000;

/**
 * Recurring jobs. Workers taking the job's queue register these as BullMQ job schedulers at
 * start, so however many workers run, each occurrence runs once. A domain adds its own here.
 */
export const JOB_SCHEDULES: { readonly [N in JobName]?: (config: AppConfig) => RepeatOptions } = {
  'outbox.relay': (config) => ({ every: config.queues.outboxRelayIntervalMs }),
  // Each run queues the digests whose local hour has come (per user time zone, from the Clock).
  'notifications.plan-digests': () => ({ every: 5 * 60_000 }),
  // Reminders are delayed jobs; this finds the due ones Redis lost (the broadcast row is the truth).
  'television.sweep-reminders': () => ({ every: 60_000 }),
  'television.settle-checks': () => ({ every: 60_000 }),
  // Overdue, expiry, recertification windows and reminders move by the hour at the finest.
  'training.scan-deadlines': () => ({ every: 15 * 60_000 }),
  // Yearly report reminders are counted in days: hourly is fine enough.
  'monitoring.remind-reports': () => ({ every: HOUR_MS }),
  // Figures follow events as they happen; the reconciliation repairs drift once a night, at a
  // quiet hour in the platform's time, an hour after training's so the two long scans never
  // share the database.
  'monitoring.reconcile-figures': (config) => ({
    pattern: '30 3 * * *',
    tz: config.television.timeZone,
  }),
  // Triggers keep the counts exact; the nightly check repairs a failed move recount or a race.
  'training.reconcile-counts': (config) => ({
    pattern: '30 2 * * *',
    tz: config.television.timeZone,
  }),
  // Housekeeping: retention is counted in days, so hourly keeps every backlog small.
  'identity.purge-spent-tokens': () => ({ every: HOUR_MS }),
  'media.sweep-abandoned-uploads': () => ({ every: HOUR_MS }),
  'media.sweep-transcode-scratch': () => ({ every: HOUR_MS }),
  'outbox.archive-events': () => ({ every: HOUR_MS }),
  // A forward whose retries ran out starts over here; one job per forward at a time (job id).
  'learning-records.plan-forwards': () => ({ every: 60_000 }),
};
