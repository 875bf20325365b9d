import { jobsForEvent, type OutboxEventType } from '@lifelong/common';
import type { RecordLearningEventJob } from '@lifelong/learning-records';
import type { DataSource } from 'typeorm';

/**
 * Runs `learning-records.record-event` for every outbox event after `fromId` written since the
 * last call, as the relay and the worker would; returns how many jobs ran. `rewind()` makes the
 * next call replay every event after `fromId` again, as a repeated delivery would.
 */
export function learningRecordsRelay(
  dataSource: DataSource,
  job: RecordLearningEventJob,
  fromId = 0,
): { (): Promise<number>; rewind(): void } {
  let relayedUpTo = fromId;
  const relay = async (): Promise<number> => {
    const rows = await dataSource.query<{ id: string; type: string; payload: unknown }[]>(
      'SELECT `id`, `type`, `payload` FROM `outbox_events` WHERE `id` > ? ORDER BY `id`',
      [relayedUpTo],
    );
    let ran = 0;
    for (const row of rows) {
      relayedUpTo = Number(row.id);
      const payload: unknown =
        typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload;
      for (const routed of jobsForEvent(row.type as OutboxEventType, payload as never, {
        eventId: String(row.id),
      })) {
        if (routed.job !== 'learning-records.record-event') continue;
        await job.record(routed.payload as { outboxEventId: string });
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
