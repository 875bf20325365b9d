import {
  checkJobHandlers,
  type JobContext,
  type JobData,
  type JobHandlerFunction,
  type JobName,
  type JobPayloads,
  runWithRequestId,
} from '@lifelong/common';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { BoundJobHandler } from './job-handler-explorer';

type AnyJob = Job<JobData<JobName>, unknown, string>;

/**
 * Runs each job with its one handler: payload in, result out, inside the request id that caused
 * the job so the handler's logs (and the jobs it adds) carry it.
 */
export class JobDispatcher {
  private readonly logger = new Logger('Jobs');
  private readonly handlers: ReadonlyMap<string, JobHandlerFunction>;

  /** Refuses (JobHandlersMismatchError) unless every job of an enabled queue has one handler. */
  constructor(
    handlers: readonly BoundJobHandler[],
    enabledQueues: Parameters<typeof checkJobHandlers>[1],
  ) {
    checkJobHandlers(handlers, enabledQueues);
    this.handlers = new Map(handlers.map(({ job, run }) => [job, run]));
  }

  readonly process = async (job: AnyJob): Promise<unknown> => {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name} in this worker`);
    const { meta, ...payload } = job.data;
    const requestId = meta?.requestId ?? `job-${job.id ?? 'unknown'}`;
    const context: JobContext = {
      jobId: job.id ?? '',
      jobName: job.name as JobName,
      attempt: job.attemptsMade + 1,
      requestId: meta?.requestId,
      reportProgress: (progress) => job.updateProgress(progress),
    };
    return runWithRequestId(requestId, () => this.run(handler, job, payload, context));
  };

  private async run(
    handler: JobHandlerFunction,
    job: AnyJob,
    payload: JobPayloads[JobName],
    context: JobContext,
  ): Promise<unknown> {
    const label = `${job.name} ${job.id ?? ''} (attempt ${context.attempt})`;
    const started = Date.now();
    try {
      const result: unknown = await handler(payload, context);
      // Recurring jobs (the relay runs every second) would drown the log at info.
      const log = job.repeatJobKey ? 'debug' : 'log';
      this.logger[log](`${label} done in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      const permanent = error instanceof UnrecoverableError;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`${label} failed${permanent ? ' permanently' : ''}: ${message}`);
      throw error;
    }
  }
}
