import { JobHandler, type JobPayloads } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { AssignmentStatuses } from './assignments/assignment-statuses.service';
import { AssignmentSync, type SyncOutcome } from './assignments/assignment-sync.service';
import { type CountsReconciliation, UnitCounts } from './reports/unit-counts.service';
import { DeadlineScan, type ScanOutcome } from './scans/deadline-scan.service';

/**
 * The training jobs. Every one is idempotent: syncs add only what is missing (unique cycle
 * key), completion touches only open assignments, notices go through the ledger.
 */
@Injectable()
export class TrainingJobs {
  constructor(
    private readonly sync: AssignmentSync,
    private readonly statuses: AssignmentStatuses,
    private readonly scan: DeadlineScan,
    private readonly counts: UnitCounts,
  ) {}

  @JobHandler('training.sync-requirement')
  syncRequirement({
    requirementId,
  }: JobPayloads['training.sync-requirement']): Promise<SyncOutcome> {
    return this.sync.syncRequirement(requirementId);
  }

  @JobHandler('training.sync-people')
  async syncPeople({ userIds }: JobPayloads['training.sync-people']): Promise<SyncOutcome> {
    const outcome = await this.sync.syncPeople(userIds);
    // A move changes no assignment, so no trigger moved these people's counts: recount their units.
    await this.counts.followMembers(userIds);
    return outcome;
  }

  @JobHandler('training.complete-assignment')
  async completeAssignment({
    enrollmentId,
  }: JobPayloads['training.complete-assignment']): Promise<{ completed: number }> {
    return { completed: await this.statuses.completeEnrollment(enrollmentId) };
  }

  @JobHandler('training.attach-certificate')
  async attachCertificate({
    enrollmentId,
    serial,
  }: JobPayloads['training.attach-certificate']): Promise<{ attached: number }> {
    return { attached: await this.statuses.attachCertificate(enrollmentId, serial) };
  }

  @JobHandler('training.scan-deadlines')
  scanDeadlines(): Promise<ScanOutcome> {
    return this.scan.run();
  }

  @JobHandler('training.reconcile-counts')
  reconcileCounts(): Promise<CountsReconciliation> {
    return this.counts.reconcile();
  }
}
