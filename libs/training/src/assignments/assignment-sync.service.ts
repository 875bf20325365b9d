import { chunksOf, Clock, newId } from '@lifelong/common';
import { recordEvent, sqlDateTime } from '@lifelong/database';
import { EnrollMandatedMany } from '@lifelong/enrollment';
import { OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequirementVersion } from '../requirements/requirement-version.entity';
import { dueAtFor } from '../requirements/requirement.rules';
import { RequirementsService } from '../requirements/requirements.service';
import { AssignmentStatuses } from './assignment-statuses.service';
import { type AssignmentRow, AssignmentsRepository, type Newcomer } from './assignments.repository';
import { narrowed, type SqlCondition, targetCondition } from './target-query';

/** People are assigned (and enrolled) this many per transaction and per `training.assigned`. */
export const ASSIGN_CHUNK = 1_000;

/** What one sync changed. */
export interface SyncOutcome {
  assigned: number;
  closed: number;
}

/**
 * Keeps a requirement's assignments in step with its current version and target, set-based:
 * open assignments of people who left the target close (history kept); open ones move to the
 * current version with their due date recomputed; people in the target without a live
 * assignment get one (enrolled in the course in the same transaction, whatever its capacity),
 * 1,000 per transaction with one `training.assigned` notification each. The unique
 * (requirement, person, cycle) key makes a re-run, or a second run racing this one, add nothing.
 */
@Injectable()
export class AssignmentSync {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly orgUnits: OrgUnitPaths,
    private readonly requirements: RequirementsService,
    private readonly enrollments: EnrollMandatedMany,
    private readonly statuses: AssignmentStatuses,
    private readonly clock: Clock,
  ) {}

  /** Syncs the requirement for everyone it concerns, or only for `userIds`. */
  async syncRequirement(requirementId: string, userIds?: readonly string[]): Promise<SyncOutcome> {
    if (userIds?.length === 0) return { assigned: 0, closed: 0 };
    const { rules } = await this.requirements.find(requirementId);
    const unitPath = await this.orgUnits.pathOf(rules.orgUnitId);
    if (unitPath === null) return { assigned: 0, closed: 0 };
    const target = narrowed(targetCondition(rules, unitPath), userIds);
    // History keeps the status a closed assignment had when it closed.
    await this.statuses.refresh(requirementId, userIds);
    const closed = await this.closeLeavers(rules, target, userIds);
    // Versions change only by an edit, whose full sync moves everyone at once.
    if (!userIds) await this.followVersion(rules);
    const assigned = await this.assignNewcomers(rules, await this.newcomers(rules, target));
    await this.statuses.refresh(requirementId, userIds);
    return { assigned, closed };
  }

  /** Syncs every requirement for these people (they joined, moved or left units). */
  async syncPeople(userIds: readonly string[]): Promise<SyncOutcome> {
    const total = { assigned: 0, closed: 0 };
    for (const requirementId of await this.requirements.allIds()) {
      const outcome = await this.syncRequirement(requirementId, userIds);
      total.assigned += outcome.assigned;
      total.closed += outcome.closed;
    }
    return total;
  }

  /** Open assignments of people no longer in the target close now; done ones stay. */
  private async closeLeavers(
    rules: RequirementVersion,
    target: SqlCondition,
    userIds?: readonly string[],
  ): Promise<number> {
    return this.assignments.closeOutside(rules.requirementId, target, this.clock.now(), userIds);
  }

  /** Open assignments follow the current version; a first cycle's due date is recomputed. */
  private followVersion(rules: RequirementVersion): Promise<void> {
    return this.assignments.followVersion(rules.requirementId, rules.version, rules);
  }

  /**
   * People in the target with no live assignment. An expired completion counts as live: only
   * the recertification scan renews it (see AssignmentRenewals).
   */
  private newcomers(rules: RequirementVersion, target: SqlCondition): Promise<Newcomer[]> {
    return this.assignments.newcomers(rules.requirementId, target);
  }

  private async assignNewcomers(
    rules: RequirementVersion,
    newcomers: readonly Newcomer[],
  ): Promise<number> {
    if (newcomers.length === 0) return 0;
    const courseTitle = await this.requirements.courseTitle(rules.courseId);
    let assigned = 0;
    for (const chunk of chunksOf(newcomers, ASSIGN_CHUNK))
      assigned += await this.assignments.transaction((manager) =>
        this.assignChunk(manager, rules, courseTitle, chunk),
      );
    return assigned;
  }

  /** One chunk, in a transaction of {@link AssignmentsRepository.transaction}. */
  private async assignChunk(
    manager: EntityManager,
    rules: RequirementVersion,
    courseTitle: string,
    chunk: readonly Newcomer[],
  ): Promise<number> {
    const now = this.clock.now();
    const userIds = chunk.map((person) => person.userId);
    const enrollmentIds = await this.enrollments.enroll(manager, rules.courseId, userIds, now);
    const dueAt = dueAtFor(rules, now);
    const rows = chunk.map((person): AssignmentRow => [
      newId(),
      rules.requirementId,
      rules.version,
      person.userId,
      person.cycle,
      enrollmentIds.get(person.userId) ?? null,
      'assigned',
      sqlDateTime(now),
      dueAt ? sqlDateTime(dueAt) : null,
    ]);
    // A racing run may have assigned some of them first: tell only the ones this run assigned.
    const mine = await this.assignments.insertNew(manager, rows);
    if (mine.length > 0)
      await recordEvent(manager, 'training.assigned', {
        requirementId: rules.requirementId,
        recipientIds: mine,
        title: rules.title,
        courseId: rules.courseId,
        courseTitle,
        ...(dueAt && { dueAt: dueAt.toISOString() }),
      });
    return mine.length;
  }
}
