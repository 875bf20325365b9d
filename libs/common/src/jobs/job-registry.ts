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
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
