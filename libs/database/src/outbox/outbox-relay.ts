import {
  Clock,
  isOutboxEventType,
  type JobName,
  jobsForEvent,
  JobQueue,
  type OutboxEventType,
  type OutboxEvents,
  type RoutedJob,
  withTimeout,
} from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The BullMQ job id an event's route becomes: the same on every re-delivery, so BullMQ keeps
 * one job however often the relay runs. (BullMQ ids may not be integers nor contain `:`.)
 */
export const outboxJobId = (eventId: string, job: JobName): string => `evt-${eventId}-${job}`;

/** How one relay pass works through the backlog. */
export interface OutboxRelayOptions {
  /** Events claimed (and locked) per transaction. */
  batchSize: number;
  /** How long one delivery may wait for Redis; BullMQ itself would wait until it returns. */
  deliveryTimeoutMs: number;
}

/** What one relay pass did: events marked dispatched, and events left pending with an error. */
export interface OutboxRelayResult {
  dispatched: number;
  failed: number;
}

interface PendingEvent {
  id: string;
  type: string;
  payload: unknown;
  requestId: string | null;
}

interface BatchResult extends OutboxRelayResult {
  claimed: number;
  lastId: string;
  /** Redis failed: the rest of the backlog waits for the next pass. */
  stopped: boolean;
}

/** The event itself cannot become jobs (unknown type, unreadable payload): it is skipped. */
class UndeliverableEventError extends Error {}

const DEFAULTS: OutboxRelayOptions = { batchSize: 100, deliveryTimeoutMs: 5_000 };
const LAST_ERROR_LENGTH = 500;

function jobsOf(event: PendingEvent): RoutedJob[] {
  if (!isOutboxEventType(event.type)) {
    throw new UndeliverableEventError(`No route for event type "${event.type}"`);
  }
  return jobsForEvent(event.type, parsePayload(event.payload), { eventId: event.id });
}

function parsePayload(payload: unknown): OutboxEvents[OutboxEventType] {
  // MySQL hands JSON columns back parsed, MariaDB as text. The row's type says which payload
  // it is: recordEvent wrote it from that type's payload.
  try {
    return (
      typeof payload === 'string' ? JSON.parse(payload) : payload
    ) as OutboxEvents[OutboxEventType];
  } catch {
    throw new UndeliverableEventError('The event payload is not valid JSON');
  }
}

/**
 * Moves committed outbox events to their jobs. Rows are claimed in id order with
 * `FOR UPDATE SKIP LOCKED`, so concurrent passes (several workers) never take the same event;
 * an event is marked dispatched only after every job it routes to was added. When Redis fails
 * the event stays pending with the error and attempt count recorded.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** One pass: drains the pending backlog batch by batch; stops early when Redis fails. */
  async relayPending(options: Partial<OutboxRelayOptions> = {}): Promise<OutboxRelayResult> {
    const settings = { ...DEFAULTS, ...options };
    const total: OutboxRelayResult = { dispatched: 0, failed: 0 };
    let after = '0';
    for (;;) {
      const batch = await this.relayBatch(after, settings);
      total.dispatched += batch.dispatched;
      total.failed += batch.failed;
      if (batch.stopped || batch.claimed < settings.batchSize) return total;
      after = batch.lastId;
    }
  }

  private relayBatch(after: string, settings: OutboxRelayOptions): Promise<BatchResult> {
    // READ COMMITTED: the claim locks the rows it takes and no gaps, so transactions writing
    // new events (and holding locks of their own) never wait on the relay or deadlock with it.
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const events = await this.claim(manager, after, settings.batchSize);
      const delivered: string[] = [];
      let failed = 0;
      let stopped = false;
      for (const event of events) {
        const error = await this.deliver(event, settings.deliveryTimeoutMs).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        if (error === undefined) {
          delivered.push(event.id);
          continue;
        }
        failed += 1;
        await this.recordFailure(manager, event, error);
        if (!(error instanceof UndeliverableEventError)) {
          stopped = true;
          break;
        }
      }
      await this.markDispatched(manager, delivered);
      const lastId = events.at(-1)?.id ?? after;
      return { claimed: events.length, lastId, dispatched: delivered.length, failed, stopped };
    });
  }

  private claim(manager: EntityManager, after: string, limit: number): Promise<PendingEvent[]> {
    return manager.query<PendingEvent[]>(
      'SELECT `id`, `type`, `payload`, `request_id` AS `requestId` FROM `outbox_events` ' +
        'WHERE `dispatched_at` IS NULL AND `id` > ? ORDER BY `id` LIMIT ? FOR UPDATE SKIP LOCKED',
      [after, limit],
    );
  }

  private async deliver(event: PendingEvent, timeoutMs: number): Promise<void> {
    for (const { job, payload } of jobsOf(event)) {
      const added = this.jobs.enqueue(
        job,
        payload,
        { jobId: outboxJobId(event.id, job) },
        { requestId: event.requestId ?? undefined },
      );
      await withTimeout(added, timeoutMs, `Redis did not answer within ${timeoutMs} ms`);
    }
  }

  private async markDispatched(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      'UPDATE `outbox_events` SET `dispatched_at` = ?, `attempts` = `attempts` + 1, `last_error` = NULL ' +
        'WHERE `id` IN (?) AND `dispatched_at` IS NULL',
      [this.clock.now(), ids],
    );
  }

  private async recordFailure(
    manager: EntityManager,
    event: PendingEvent,
    error: unknown,
  ): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(
      0,
      LAST_ERROR_LENGTH,
    );
    this.logger.warn(`Outbox event ${event.id} (${event.type}) not delivered: ${message}`);
    await manager.query(
      'UPDATE `outbox_events` SET `attempts` = `attempts` + 1, `last_error` = ? ' +
        'WHERE `id` = ? AND `dispatched_at` IS NULL',
      [message, event.id],
    );
  }
}
