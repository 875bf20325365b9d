import { AuditModule } from '@lifelong/audit';
import { CoursesModule } from '@lifelong/courses';
import { EnrollmentModule } from '@lifelong/enrollment';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentReadsRepository } from './assignments/assignment-reads.repository';
import { AssignmentReads } from './assignments/assignment-reads.service';
import { AssignmentRenewals } from './assignments/assignment-renewals.service';
import { AssignmentStatuses } from './assignments/assignment-statuses.service';
import { AssignmentSync } from './assignments/assignment-sync.service';
import { AssignmentsRepository } from './assignments/assignments.repository';
import { TrainingAssignment } from './assignments/training-assignment.entity';
import { ComplianceRepository } from './reports/compliance.repository';
import { ComplianceReport } from './reports/compliance-report.service';
import { ComplianceSnapshot } from './reports/compliance-snapshot.entity';
import { ComplianceSnapshotsRepository } from './reports/compliance-snapshots.repository';
import { ComplianceSnapshots } from './reports/compliance-snapshots.service';
import { RequirementVersion } from './requirements/requirement-version.entity';
import { RequirementsRepository } from './requirements/requirements.repository';
import { RequirementsService } from './requirements/requirements.service';
import { TargetPreview } from './assignments/target-preview.service';
import { TrainingRequirement } from './requirements/training-requirement.entity';
import { UnitCountsRepository } from './reports/unit-counts.repository';
import { UnitCounts } from './reports/unit-counts.service';
import { DeadlineScan } from './scans/deadline-scan.service';
import { NoticeLedger } from './scans/notice-ledger.service';
import { TrainingNoticesRepository } from './scans/training-notices.repository';
import { TrainingNotice } from './scans/training-notice.entity';

/** What this lib's controllers and jobs, and the demo seeder, use. */
const SERVICES = [
  AssignmentReads,
  AssignmentStatuses,
  AssignmentSync,
  ComplianceReport,
  ComplianceSnapshots,
  DeadlineScan,
  RequirementsService,
  TargetPreview,
  UnitCounts,
];

/** Parts of the deadline scan that stay inside the lib. */
const INTERNAL = [AssignmentRenewals, NoticeLedger];

/** The lib's queries. */
const REPOSITORIES = [
  AssignmentReadsRepository,
  AssignmentsRepository,
  ComplianceRepository,
  ComplianceSnapshotsRepository,
  RequirementsRepository,
  TrainingNoticesRepository,
  UnitCountsRepository,
];

/**
 * Mandated training: requirements, assignments kept in step, deadline scans and compliance
 * reports. Needs AppConfig, Clock, the database, organizations (global) and enrollment.
 */
@Module({
  imports: [
    IdentityModule,
    AuditModule,
    CoursesModule,
    EnrollmentModule,
    TypeOrmModule.forFeature([
      TrainingRequirement,
      RequirementVersion,
      TrainingAssignment,
      TrainingNotice,
      ComplianceSnapshot,
    ]),
  ],
  providers: [...SERVICES, ...INTERNAL, ...REPOSITORIES],
  exports: SERVICES,
})
export class TrainingModule {}
