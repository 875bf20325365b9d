import type { RepeatOptions } from 'bullmq';
import type { AppConfig } from '../config/config';
import type { JobName } from './job-registry';

/**
 * Recurring jobs. Workers taking the job's queue register these as BullMQ job schedulers at
 * start, so however many workers run, each occurrence runs once. A domain adds its own here.
 */
export const JOB_SCHEDULES: { readonly [N in JobName]?: (config: AppConfig) => RepeatOptions } = {
  'outbox.relay': (config) => ({ every: config.queues.outboxRelayIntervalMs }),
  // Each run queues the digests whose local hour has come (per user time zone, from the Clock).
  'notifications.plan-digests': () => ({ every: 5 * 60_000 }),
};
