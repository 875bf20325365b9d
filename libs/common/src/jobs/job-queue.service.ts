import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { AppConfig, type QueueName } from '../config/config';
import { closeSettled } from './close-settled';
import { currentRequestId } from '../request-context/request-context';
import { JOBS, type JobData, type JobMeta, type JobName, type JobPayloads } from './job-registry';
import { redisConnectionOptions } from './redis-connection';

/** Producer side of every queue: typed enqueue with the registry's defaults. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisConnectionOptions(this.config),
        prefix: this.config.queues.prefix,
      });
      // Errors surface on the add() promise; this keeps a Redis outage from crashing the process.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Adds a job with the registry's options. `meta` defaults to the current request id; the
   * outbox relay passes the id of the request that recorded the event instead.
   */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobsOptions = {},
    meta: JobMeta = { requestId: currentRequestId() },
  ): Promise<string> {
    const definition = JOBS[name];
    const data: JobData<N> = { ...payload, meta };
    const job = await this.queue(definition.queue).add(name, data, {
      ...definition.options,
      ...options,
    });
    return job.id ?? '';
  }

  /**
   * Adds many jobs of one name in one Redis round trip (fan-out: one event, thousands of
   * recipients), each with the registry's options merged with its own (a deterministic `jobId`).
   */
  async enqueueBulk<N extends JobName>(
    name: N,
    jobs: readonly { payload: JobPayloads[N]; options?: JobsOptions }[],
    meta: JobMeta = { requestId: currentRequestId() },
  ): Promise<void> {
    if (jobs.length === 0) return;
    const definition = JOBS[name];
    await this.queue(definition.queue).addBulk(
      jobs.map(({ payload, options }) => ({
        name,
        data: { ...payload, meta } satisfies JobData<N>,
        opts: { ...definition.options, ...options },
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // A queue whose Redis never answered rejects on close; shutting down must not fail on it.
    await Promise.allSettled([...this.queues.values()].map((queue) => closeSettled(queue)));
  }
}
