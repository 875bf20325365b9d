import type { MonitoringJobs } from '@lifelong/monitoring';
import type { DataSource } from 'typeorm';
import { type OutboxRelay, outboxRelay } from '../../../test/support/outbox-relay';

/**
 * Runs the figure jobs of every outbox event written since the last call, as the relay and the
 * worker would; returns how many jobs ran (see outboxRelay). The yearly reports' job is left to
 * `monitoringReportsRelay`: a test of the reports runs it at the moment it chooses.
 */
export function monitoringRelay(dataSource: DataSource, jobs: MonitoringJobs): OutboxRelay {
  return outboxRelay(dataSource, {
    'monitoring.refresh-figures': (payload) => jobs.refreshFigures(payload),
    'monitoring.refresh-airings': (payload) => jobs.refreshAirings(payload),
    'monitoring.refresh-facility': (payload) => jobs.refreshFacility(payload),
  });
}

/** Runs `monitoring.refresh-reports` for the outbox events after `fromId` since the last call. */
export function monitoringReportsRelay(
  dataSource: DataSource,
  jobs: MonitoringJobs,
  fromId = 0,
): OutboxRelay {
  return outboxRelay(
    dataSource,
    { 'monitoring.refresh-reports': (payload) => jobs.refreshReports(payload) },
    fromId,
  );
}
