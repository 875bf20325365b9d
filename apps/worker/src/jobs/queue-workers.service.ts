import {
  AppConfig,
  closeSettled,
  JOB_SCHEDULES,
  type JobName,
  JobQueue,
  JOBS,
  type QueueName,
  redisConnectionOptions,
} from '@lifelong/common';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { Worker, type WorkerOptions } from 'bullmq';
import { JobDispatcher } from './job-dispatcher';
import { JobHandlerExplorer } from './job-handler-explorer';

/**
 * One BullMQ Worker per enabled queue (WORKER_QUEUES), each dispatching by job name. Checks the
 * handlers before anything starts; on shutdown stops taking jobs and lets running ones finish
 * before the pools close.
 */
@Injectable()
export class QueueWorkers
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('QueueWorkers');
  private dispatcher?: JobDispatcher;
  private readonly workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly explorer: JobHandlerExplorer,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.dispatcher = new JobDispatcher(this.explorer.explore(), this.config.queues.enabled);
  }

  async onApplicationBootstrap(): Promise<void> {
    const dispatcher = this.dispatcher;
    if (!dispatcher) throw new Error('QueueWorkers started before its handlers were checked');
    for (const queue of this.config.queues.enabled)
      this.workers.push(this.start(queue, dispatcher));
    for (const queue of this.config.queues.enabled) {
      await this.registerSchedulers(queue);
      await this.registerAgainOnReconnect(queue);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // close() stops fetching and waits for the jobs in flight.
    await Promise.all(this.workers.map((worker) => closeSettled(worker)));
    this.workers.length = 0;
  }

  private start(queue: QueueName, dispatcher: JobDispatcher): Worker {
    const worker = new Worker(queue, dispatcher.process, {
      connection: redisConnectionOptions(this.config, 'worker'),
      prefix: this.config.queues.prefix,
      concurrency: this.config.queues.concurrency[queue],
      limiter: this.limiter(queue),
      lockDuration: this.config.queues.lockDurationMs,
      stalledInterval: this.config.queues.stalledIntervalMs,
    });
    worker.on('error', (error) => this.logger.error(`Queue ${queue}: ${error.message}`));
    return worker;
  }

  /**
   * A queue with a rate (notifications: SMTP relays cap messages per second) starts at most that
   * many jobs per second. BullMQ keeps the count in Redis, so the cap holds across workers.
   */
  private limiter(queue: QueueName): WorkerOptions['limiter'] {
    const perSecond = this.config.queues.ratePerSecond[queue];
    return perSecond === undefined ? undefined : { max: perSecond, duration: 1_000 };
  }

  /** Recurring jobs as BullMQ job schedulers: idempotent, so every worker may register them. */
  private async registerSchedulers(queue: QueueName): Promise<void> {
    for (const [job, schedule] of Object.entries(JOB_SCHEDULES)) {
      const { options } = JOBS[job as JobName];
      if (!schedule || JOBS[job as JobName].queue !== queue) continue;
      const { attempts, backoff, removeOnComplete, removeOnFail } = options;
      await this.jobs.queue(queue).upsertJobScheduler(job, schedule(this.config), {
        name: job,
        data: {},
        opts: { attempts, backoff, removeOnComplete, removeOnFail },
      });
    }
  }

  /**
   * The schedulers live in Redis only: a Redis that comes back without its data (no persistence,
   * a replaced instance) would have lost them until the next worker start. They are written
   * again each time the queue's connection is made again, so recurring jobs come back on their
   * own; on a Redis that kept them, writing them again changes nothing.
   */
  private async registerAgainOnReconnect(queue: QueueName): Promise<void> {
    const client = await this.jobs.queue(queue).client;
    client.on('ready', () => {
      this.registerSchedulers(queue).catch((error: unknown) =>
        this.logger.warn(
          `Queue ${queue}: schedulers not registered again: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    });
  }
}
