import { jobsForEvent, type OutboxEventType } from '@lifelong/common';
import type { MonitoringJobs } from '@lifelong/monitoring';
import type { DataSource } from 'typeorm';

/**
 * Runs the monitoring jobs of every outbox event written since the last call, as the relay and
 * the worker would; returns how many jobs ran. `rewind()` makes the next call replay every
 * event again, as a repeated delivery would.
 */
export function monitoringRelay(
  dataSource: DataSource,
  jobs: MonitoringJobs,
): { (): Promise<number>; rewind(): void } {
  let relayedUpTo = 0;
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
        eventId: row.id,
      })) {
        if (routed.job === 'monitoring.refresh-figures')
          await jobs.refreshFigures(routed.payload as { enrollmentId: string });
        else if (routed.job === 'monitoring.refresh-airings')
          await jobs.refreshAirings(routed.payload as { broadcastIds: string[] });
        else if (routed.job === 'monitoring.refresh-facility')
          await jobs.refreshFacility(routed.payload as { facilityId: string });
        else continue;
        ran += 1;
      }
    }
    return ran;
  };
  return Object.assign(relay, {
    rewind: () => {
      relayedUpTo = 0;
    },
  });
}
