import { JobHandler, type JobPayloads } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { FigureRefresh, type RefreshOutcome } from './figures/figure-refresh.service';
import { ActionReminders } from './inspections/action-reminders.service';
import { ReportReminders } from './reports/report-reminders.service';

/**
 * The monitoring jobs. Each recomputes from the read models and write only what differs, so a
 * repeated delivery changes nothing.
 */
@Injectable()
export class MonitoringJobs {
  constructor(
    private readonly refresh: FigureRefresh,
    private readonly reminders: ReportReminders,
    private readonly actionReminders: ActionReminders,
  ) {}

  @JobHandler('monitoring.refresh-figures')
  refreshFigures({
    enrollmentId,
  }: JobPayloads['monitoring.refresh-figures']): Promise<RefreshOutcome> {
    return this.refresh.refreshEnrollment(enrollmentId);
  }

  @JobHandler('monitoring.refresh-airings')
  refreshAirings({
    broadcastIds,
  }: JobPayloads['monitoring.refresh-airings']): Promise<RefreshOutcome> {
    return this.refresh.refreshAirings(broadcastIds);
  }

  @JobHandler('monitoring.refresh-facility')
  refreshFacility({
    facilityId,
  }: JobPayloads['monitoring.refresh-facility']): Promise<RefreshOutcome> {
    return this.refresh.refreshFacility(facilityId);
  }

  @JobHandler('monitoring.refresh-reports')
  refreshReports({
    year,
    facilityIds,
  }: JobPayloads['monitoring.refresh-reports']): Promise<RefreshOutcome> {
    return this.refresh.refreshReports(year, facilityIds);
  }

  @JobHandler('monitoring.refresh-trained')
  refreshTrained({ userIds }: JobPayloads['monitoring.refresh-trained']): Promise<RefreshOutcome> {
    return this.refresh.refreshTrained(userIds);
  }

  /** Hourly: report deadlines, and the due days of inspections' follow-up actions. */
  @JobHandler('monitoring.remind-reports')
  async remindReports(): Promise<{ reminded: number; actionsReminded: number }> {
    return {
      reminded: await this.reminders.run(),
      actionsReminded: await this.actionReminders.run(),
    };
  }

  @JobHandler('monitoring.reconcile-figures')
  reconcileFigures(): Promise<RefreshOutcome> {
    return this.refresh.reconcile();
  }
}
