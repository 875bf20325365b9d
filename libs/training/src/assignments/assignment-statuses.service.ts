import { Clock } from '@lifelong/common';
import { EnrollmentLookup } from '@lifelong/enrollment';
import { Injectable } from '@nestjs/common';
import type { RequirementVersion } from '../requirements/requirement-version.entity';
import { expiresAtFor } from '../requirements/requirement.rules';
import { RequirementsRepository } from '../requirements/requirements.repository';
import { AssignmentsRepository, type FinishedAssignment } from './assignments.repository';

/**
 * Stored statuses, moved by set-based statements that read time from the Clock: open
 * assignments become `overdue` past their due date, else `in_progress` once the enrollment has
 * progress; completed ones become `expired` when their validity ran out. Completion itself comes
 * from the enrollment (`enrollment.completed`), with the expiry of the version it was done under.
 */
@Injectable()
export class AssignmentStatuses {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly requirements: RequirementsRepository,
    private readonly clock: Clock,
    private readonly enrollments: EnrollmentLookup,
  ) {}

  /**
   * Moves open assignments' statuses (of one requirement, or all; of some people, or everyone)
   * with three narrow statements rather than rewriting every row: past due → `overdue` (index
   * on status and due date), no longer past due after an edit → back, started → `in_progress`.
   * Returns the rows changed.
   */
  async refresh(requirementId?: string, userIds?: readonly string[]): Promise<number> {
    if (requirementId) await this.completeFinishedEnrollments(requirementId, userIds);
    return this.assignments.moveOpenStatuses(this.clock.now(), requirementId, userIds);
  }

  /** Completed assignments past their expiry, with no renewal done, become `expired`. */
  expire(): Promise<number> {
    return this.assignments.expireCompleted(this.clock.now());
  }

  /**
   * Completes the open assignments of a completed enrollment: `completedAt` is the
   * enrollment's, `expiresAt` follows the recurrence of the version in force. Idempotent.
   */
  async completeEnrollment(enrollmentId: string): Promise<number> {
    if (!(await this.enrollments.isCompleted(enrollmentId))) return 0;
    return this.complete(await this.assignments.openOfEnrollment(enrollmentId));
  }

  /** Stores the certificate's serial on the live assignment of its enrollment. */
  attachCertificate(enrollmentId: string, serial: string): Promise<number> {
    return this.assignments.attachCertificate(enrollmentId, serial);
  }

  /**
   * A person may finish the course before the assignment job ran (or a first cycle may find the
   * course already done): open assignments whose enrollment completed after (or, in the first
   * cycle, at any time before) they were made complete too.
   */
  private async completeFinishedEnrollments(
    requirementId: string,
    userIds?: readonly string[],
  ): Promise<number> {
    return this.complete(await this.assignments.openWithFinishedEnrollment(requirementId, userIds));
  }

  /** Completes the assignments, each expiring as the version it is under says. */
  private async complete(rows: readonly FinishedAssignment[]): Promise<number> {
    const versions = new Map<string, RequirementVersion | null>();
    for (const row of rows) {
      const key = `${row.requirementId}/${row.version}`;
      if (!versions.has(key))
        versions.set(key, await this.requirements.findVersion(row.requirementId, row.version));
      const rules = versions.get(key);
      const completedAt = row.completedAt ? new Date(row.completedAt) : this.clock.now();
      const expiresAt = rules ? expiresAtFor(rules, completedAt) : null;
      await this.assignments.complete(row, {
        status: expiresAt && expiresAt <= this.clock.now() ? 'expired' : 'completed',
        completedAt,
        expiresAt,
      });
    }
    return rows.length;
  }
}
