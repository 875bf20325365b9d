import { chunksOf, Clock, newId } from '@lifelong/common';
import { recordEvent, sqlDateTime } from '@lifelong/database';
import { EnrollMandatedMany } from '@lifelong/enrollment';
import { OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { RequirementsService, type RequirementView } from '../requirements/requirements.service';
import { ASSIGN_CHUNK } from './assignment-sync.service';
import { type AssignmentRow, AssignmentsRepository } from './assignments.repository';
import { targetCondition } from './target-query';

const DAY_MS = 86_400_000;

/**
 * Recertification: when a completion enters its window (`windowDays` before it expires) and
 * the person is still in the target, the next cycle's assignment is made (due when the
 * completion expires, under the current version), the enrollment starts over, and the finished
 * cycle becomes history (closed, kept with its completion and certificate). A completion that
 * expired meanwhile (its holder was outside the target at the time) is renewed the same way.
 * A requirement with `windowDays` 0 has no recertification: completions expire and stay
 * `expired` (managers see them) until the requirement gets a window.
 */
@Injectable()
export class AssignmentRenewals {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly orgUnits: OrgUnitPaths,
    private readonly requirements: RequirementsService,
    private readonly enrollments: EnrollMandatedMany,
    private readonly clock: Clock,
  ) {}

  async openDueRenewals(): Promise<number> {
    let renewed = 0;
    for (const requirementId of await this.requirements.allIds()) {
      const view = await this.requirements.find(requirementId);
      if (view.rules.windowDays > 0) renewed += await this.renew(view);
    }
    return renewed;
  }

  private async renew(view: RequirementView): Promise<number> {
    const { rules } = view;
    const unitPath = await this.orgUnits.pathOf(rules.orgUnitId);
    if (unitPath === null) return 0;
    const target = targetCondition(rules, unitPath);
    const now = this.clock.now();
    const due = await this.assignments.dueForRenewal(
      rules.requirementId,
      new Date(now.getTime() + rules.windowDays * DAY_MS),
      target,
    );
    if (due.length === 0) return 0;
    const courseTitle = await this.requirements.courseTitle(rules.courseId);
    let renewed = 0;
    for (const chunk of chunksOf(due, ASSIGN_CHUNK))
      renewed += await this.assignments.transaction(async (manager) => {
        const rows = chunk.map((old): AssignmentRow => [
          newId(),
          rules.requirementId,
          rules.version,
          old.userId,
          old.cycle + 1,
          old.enrollmentId,
          'assigned',
          sqlDateTime(now),
          sqlDateTime(new Date(old.expiresAt)),
        ]);
        const mine = await this.assignments.insertNew(manager, rows);
        await this.assignments.close(
          manager,
          chunk.map((old) => old.id),
          now,
        );
        const mineIds = new Set(mine);
        await this.enrollments.restart(
          manager,
          chunk.flatMap((old) =>
            old.enrollmentId && mineIds.has(old.userId) ? [old.enrollmentId] : [],
          ),
          now,
        );
        if (mine.length > 0)
          await recordEvent(manager, 'training.assigned', {
            requirementId: rules.requirementId,
            recipientIds: [...mineIds],
            title: rules.title,
            courseId: rules.courseId,
            courseTitle,
          });
        return mine.length;
      });
    return renewed;
  }
}
