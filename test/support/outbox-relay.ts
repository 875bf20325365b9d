import {
  isOutboxEventType,
  type JobName,
  type JobPayloads,
  jobsForEvent,
  type OutboxEvents,
} from '@lifelong/common';
import { readEvent } from '@lifelong/database';
import type { DataSource } from 'typeorm';

/** What a test runs for the jobs it cares about; the jobs of other libs are left alone. */
export type RelayedJobs = { [N in JobName]?: (payload: JobPayloads[N]) => Promise<unknown> };

/** A relay a test calls by hand; `rewind()` makes the next call replay every event again. */
export interface OutboxRelay {
  (): Promise<number>;
  rewind(): void;
}

/**
 * Runs `jobs` for every outbox event after `fromId` written since the last call, as the relay
 * and the worker would, without Redis; returns how many jobs ran. Each event is read as a job
 * reads it (readEvent), so a payload the worker could not parse fails here too. `rewind()`
 * replays from `fromId` again, as a repeated delivery would.
 */
export function outboxRelay(dataSource: DataSource, jobs: RelayedJobs, fromId = 0): OutboxRelay {
  let relayedUpTo = fromId;
  const relay = async (): Promise<number> => {
    const rows = await dataSource.query<{ id: string | number }[]>(
      'SELECT `id` FROM `outbox_events` WHERE `id` > ? ORDER BY `id`',
      [relayedUpTo],
    );
    let ran = 0;
    for (const { id } of rows) {
      relayedUpTo = Number(id);
      const event = await readEvent(dataSource.manager, String(id));
      if (!event || !isOutboxEventType(event.type)) continue;
      for (const routed of jobsForEvent(
        event.type,
        event.payload as OutboxEvents[typeof event.type],
        { eventId: event.id },
      )) {
        const run = jobs[routed.job] as ((payload: unknown) => Promise<unknown>) | undefined;
        if (!run) continue;
        await run(routed.payload);
        ran += 1;
      }
    }
    return ran;
  };
  return Object.assign(relay, {
    rewind: () => {
      relayedUpTo = fromId;
    },
  });
}
