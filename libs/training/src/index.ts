/**
 * Mandated training for civil servants: versioned requirements targeting org-unit subtrees,
 * assignments kept in step by background jobs (with mandated enrollment), deadline scans with
 * exactly-once reminders and escalation, and compliance reports (JSON, streamed CSV, frozen
 * snapshots) for managers and inspectors.
 *
 * Import {@link TrainingModule} for the services below; the api adds
 * {@link TrainingHttpModule}, the worker {@link TrainingWorkerModule}.
 */

/** Services for other processes (the demo seeder, the benchmark). */
export { TrainingModule } from './training.module';
/** The training routes (api only). */
export { TrainingHttpModule } from './training.http.module';
/** The training job handlers (worker only). */
export { TrainingWorkerModule } from './training.worker.module';
/** The job handlers themselves (tests, the benchmark and the demo run them in-process). */
export { TrainingJobs } from './training-jobs';

/** A requirement and one immutable version of its rules. */
export { TrainingRequirement } from './requirements/training-requirement.entity';
export { RequirementVersion } from './requirements/requirement-version.entity';
/** One person's duty under one requirement for one cycle. */
export { TrainingAssignment } from './assignments/training-assignment.entity';
/** The statuses an assignment moves through. */
export { ASSIGNMENT_STATUSES, type AssignmentStatus } from './assignments/assignment-status';
/** The pure rules: validation, due dates, expiry, periods, the compliant share. */
export {
  compliantPercent,
  dueAtFor,
  expiresAtFor,
  isPeriod,
  type RequirementInput,
  requirementProblems,
} from './requirements/requirement.rules';
/** Creating, editing (a new version) and listing requirements. */
export { RequirementsService, type RequirementView } from './requirements/requirements.service';
/** Keeping assignments in step with requirements and memberships (set-based). */
export { AssignmentSync, type SyncOutcome } from './assignments/assignment-sync.service';
/** Stored statuses: refresh, expiry, completion from the enrollment, certificate serials. */
export { AssignmentStatuses } from './assignments/assignment-statuses.service';
/** A learner's assignments and a manager's staff. */
export {
  AssignmentReads,
  type AssignmentView,
  type StaffMemberView,
} from './assignments/assignment-reads.service';
/** The recurring deadline scan (expiry, renewals, statuses, reminders, escalation). */
export { DeadlineScan, type ScanOutcome } from './scans/deadline-scan.service';
/** Compliance rolled up the tree, its CSV, and snapshots. */
export { ComplianceReport, type ComplianceTree } from './reports/compliance-report.service';
export { complianceQuery } from './reports/compliance-query';
export type { ComplianceRow } from './reports/compliance-row';
export { ComplianceSnapshots } from './reports/compliance-snapshots.service';
export { type CountsReconciliation, UnitCounts } from './reports/unit-counts.service';
/** Why training refused something. */
export { TrainingError, type TrainingErrorCode } from './training-error';
