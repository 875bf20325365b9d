import { Clock, JobQueue, JOBS, withTimeout } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';

/** How long a request waits for Redis before leaving the reminder to the sweep. */
const REDIS_WAIT_MS = 2_000;

/** The delayed job id of one revision of one broadcast's reminder. */
export const reminderJobId = (broadcastId: string, revision: number): string =>
  `tv-remind-${broadcastId}-${revision}`;

/**
 * Delayed reminder jobs, one per broadcast revision. Best effort on purpose: the broadcast row
 * (`remindAt`, `revision`, `remindedRevision`) is the truth, and the `television.sweep-reminders`
 * schedule queues any due reminder whose delayed job Redis lost or never got.
 */
@Injectable()
export class ReminderQueue {
  private readonly logger = new Logger(ReminderQueue.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Queues the reminder of `revision` to fire at `remindAt`. */
  async schedule(broadcast: { id: string; revision: number; remindAt: Date }): Promise<void> {
    const delay = Math.max(0, broadcast.remindAt.getTime() - this.clock.now().getTime());
    const added = this.jobs.enqueue(
      'television.remind-broadcast',
      { broadcastId: broadcast.id, revision: broadcast.revision },
      { jobId: reminderJobId(broadcast.id, broadcast.revision), delay },
    );
    await withTimeout(added, REDIS_WAIT_MS, 'Redis did not answer').catch((error: unknown) =>
      this.warn('queued', broadcast.id, error),
    );
  }

  /** Drops the delayed job of an older revision (its handler would skip it anyway). */
  async drop(broadcastId: string, revision: number): Promise<void> {
    const queue = this.jobs.queue(JOBS['television.remind-broadcast'].queue);
    await withTimeout(
      queue.remove(reminderJobId(broadcastId, revision)),
      REDIS_WAIT_MS,
      'Redis did not answer',
    ).catch((error: unknown) => this.warn('removed', broadcastId, error));
  }

  private warn(what: string, broadcastId: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      `Reminder of broadcast ${broadcastId} not ${what} (${message}); the reminder sweep covers it`,
    );
  }
}
