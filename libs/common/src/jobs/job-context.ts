import type { JobName, JobPayloads } from './job-registry';

/** What a handler may know about the job it runs, beyond its payload. */
export interface JobContext {
  readonly jobId: string;
  readonly jobName: JobName;
  /** 1 on the first run, 2 on the first retry, … */
  readonly attempt: number;
  /** The request that caused the job, when one did; also set as the current request id. */
  readonly requestId?: string;
  /** Reported in Bull Board and to QueueEvents listeners. */
  reportProgress(progress: number | Record<string, unknown>): Promise<void>;
}

/**
 * The shape of a method marked `@JobHandler(name)`: payload in, result out. Throw BullMQ's
 * `UnrecoverableError` for a permanent input error (fails at once); anything else is retried
 * with the registry's backoff.
 */
export type JobHandlerFunction<N extends JobName = JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => unknown;
