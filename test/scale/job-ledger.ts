import {
  type AppConfig,
  QUEUE_NAMES,
  type QueueName,
  redisConnectionOptions,
} from '@lifelong/common';
import { QueueEvents } from 'bullmq';

/**
 * Every job completion, failure and stall on every queue, as BullMQ's event streams tell them
 * (read from Redis, whichever worker ran the job): a job run to completion twice shows as two
 * completions of its id, a job handed over from a worker that died as a stall.
 */
export class JobLedger {
  /** `<queue>:<job id>` → completions. */
  readonly completed = new Map<string, number>();
  readonly failed: { queue: QueueName; jobId: string; reason: string }[] = [];
  readonly stalled: { queue: QueueName; jobId: string }[] = [];
  private readonly streams: QueueEvents[] = [];

  static async start(config: AppConfig): Promise<JobLedger> {
    const ledger = new JobLedger();
    for (const queue of QUEUE_NAMES) {
      // From the stream's end: only what happens from now on.
      const events = new QueueEvents(queue, {
        connection: redisConnectionOptions(config),
        prefix: config.queues.prefix,
        lastEventId: '$',
      });
      events.on('completed', ({ jobId }) => {
        const key = `${queue}:${jobId}`;
        ledger.completed.set(key, (ledger.completed.get(key) ?? 0) + 1);
      });
      events.on('failed', ({ jobId, failedReason }) =>
        ledger.failed.push({ queue, jobId, reason: failedReason }),
      );
      events.on('stalled', ({ jobId }) => ledger.stalled.push({ queue, jobId }));
      events.on('error', () => undefined);
      await events.waitUntilReady();
      ledger.streams.push(events);
    }
    return ledger;
  }

  /** Ids completed more than once. */
  completedTwice(): string[] {
    return [...this.completed].filter(([, count]) => count > 1).map(([key]) => key);
  }

  /** How many completions of jobs of `queue` whose id starts with `prefix`. */
  count(queue: QueueName, prefix = ''): number {
    let total = 0;
    for (const [key, count] of this.completed)
      if (key.startsWith(`${queue}:${prefix}`)) total += count;
    return total;
  }

  /** Completed ids of `queue` starting with `prefix`, without the queue. */
  ids(queue: QueueName, prefix: string): string[] {
    return [...this.completed.keys()]
      .filter((key) => key.startsWith(`${queue}:${prefix}`))
      .map((key) => key.slice(queue.length + 1));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.streams.map((events) => events.close()));
  }
}
