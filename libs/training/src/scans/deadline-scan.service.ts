import { AppConfig, chunksOf, Clock, type TrainingNoticeEvent } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import { UserLookup } from '@lifelong/identity';
import { idsOnPath, OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentRenewals } from '../assignments/assignment-renewals.service';
import { AssignmentStatuses } from '../assignments/assignment-statuses.service';
import { type RequirementView, RequirementsService } from '../requirements/requirements.service';
import { type ManagingUnits, managingUnits } from './manager-chain';
import { NoticeLedger } from './notice-ledger.service';
import { type NoticeCandidate, TrainingNoticesRepository } from './training-notices.repository';

/** A requirement with its course's title, as notices show them. */
type NoticeSource = RequirementView & { courseTitle: string };

/** What one scan did. */
export interface ScanOutcome {
  expired: number;
  renewed: number;
  statusChanges: number;
  dueSoon: number;
  overdue: number;
  escalated: number;
}

const DAY_MS = 86_400_000;

/**
 * `training.scan-deadlines`, run by a BullMQ job scheduler (one run per occurrence however
 * many workers): expiries, recertification windows, statuses, then the notices, each once
 * through the ledger: due-soon reminders to learners per reminder step, overdue notices to
 * learners and the org managers answering for their unit, and escalation to the managers of
 * the next managed unit above after TRAINING_ESCALATION_DAYS more (see managingUnits).
 */
@Injectable()
export class DeadlineScan {
  constructor(
    private readonly notices: TrainingNoticesRepository,
    private readonly orgUnits: OrgUnitPaths,
    private readonly users: UserLookup,
    private readonly requirements: RequirementsService,
    private readonly statuses: AssignmentStatuses,
    private readonly renewals: AssignmentRenewals,
    private readonly ledger: NoticeLedger,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<ScanOutcome> {
    const expired = await this.statuses.expire();
    const renewed = await this.renewals.openDueRenewals();
    const statusChanges = await this.statuses.refresh();
    const outcome = { expired, renewed, statusChanges, dueSoon: 0, overdue: 0, escalated: 0 };
    for (const requirementId of await this.requirements.allIds()) {
      const found = await this.requirements.find(requirementId);
      const view = {
        ...found,
        courseTitle: await this.requirements.courseTitle(found.rules.courseId),
      };
      outcome.dueSoon += await this.remindDueSoon(view);
      outcome.overdue += await this.noticeOverdue(view);
      outcome.escalated += await this.escalate(view);
    }
    return outcome;
  }

  /** Each reminder step once, nearest step first; a later step skips people told nearer. */
  private async remindDueSoon(view: NoticeSource): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (const days of [...view.rules.reminderDays].sort((a, b) => a - b)) {
      const candidates = await this.notices.dueSoon(
        view.requirement.id,
        now,
        new Date(now.getTime() + days * DAY_MS),
        days,
      );
      sent += await this.ledger.notifyOnce('due-soon', days, candidates, (manager, won) =>
        recordEvent(manager, 'training.due-soon', {
          ...this.notice(
            view,
            won.map((candidate) => candidate.userId),
          ),
          daysLeft: String(days),
        }),
      );
    }
    return sent;
  }

  /** Overdue: the learners, and the org managers of each learner's unit. */
  private async noticeOverdue(view: NoticeSource): Promise<number> {
    const candidates = await this.notices.overdue(view.requirement.id);
    const chains = await this.managingUnitsOf(candidates);
    return this.ledger.notifyOnce('overdue', 0, candidates, async (manager, won) => {
      await recordEvent(manager, 'training.overdue', {
        ...this.notice(
          view,
          won.map((candidate) => candidate.userId),
        ),
        audience: 'learner',
      });
      await this.tellManagers(
        manager,
        view,
        'training.overdue',
        won,
        (unitId) => chains.get(unitId)?.responsible,
      );
    });
  }

  /** Still overdue TRAINING_ESCALATION_DAYS after the due date: the managers one unit up. */
  private async escalate(view: NoticeSource): Promise<number> {
    const before = new Date(
      this.clock.now().getTime() - this.config.training.escalationDays * DAY_MS,
    );
    const candidates = await this.notices.unescalated(view.requirement.id, before);
    const chains = await this.managingUnitsOf(candidates);
    return this.ledger.notifyOnce('escalated', 0, candidates, (manager, won) =>
      this.tellManagers(
        manager,
        view,
        'training.escalated',
        won,
        (unitId) => chains.get(unitId)?.above,
      ),
    );
  }

  /** One notice per answering unit to its org managers, with the count of late staff. */
  private async tellManagers(
    manager: EntityManager,
    view: NoticeSource,
    type: 'training.overdue' | 'training.escalated',
    won: readonly NoticeCandidate[],
    unitFor: (orgUnitId: string) => string | undefined,
  ): Promise<void> {
    const byUnit = new Map<string, number>();
    for (const candidate of won) {
      const unitId = candidate.orgUnitId ? unitFor(candidate.orgUnitId) : undefined;
      if (unitId) byUnit.set(unitId, (byUnit.get(unitId) ?? 0) + 1);
    }
    if (byUnit.size === 0) return;
    const unitIds = [...byUnit.keys()];
    const holders = await this.users.holdersOf('org_manager', 'org_unit', unitIds, manager);
    const names = await this.notices.unitNames(manager, unitIds);
    const perUnit = new Map<string, { name: string; userIds: string[] }>();
    for (const { userId, scopeId: unitId } of holders) {
      const name = names.get(unitId);
      if (name === undefined) continue;
      const entry = perUnit.get(unitId) ?? { name, userIds: [] };
      entry.userIds.push(userId);
      perUnit.set(unitId, entry);
    }
    for (const [unitId, { name, userIds }] of perUnit)
      for (const recipients of chunksOf(userIds, 1_000))
        await recordEvent(manager, type, {
          ...this.notice(view, recipients),
          audience: 'manager',
          orgUnitName: name,
          staffCount: String(byUnit.get(unitId) ?? 0),
        });
  }

  /** For each candidate's unit: whose managers answer for it (see managingUnits). */
  private async managingUnitsOf(
    candidates: readonly NoticeCandidate[],
  ): Promise<Map<string, ManagingUnits>> {
    const unitIds = [...new Set(candidates.flatMap((c) => (c.orgUnitId ? [c.orgUnitId] : [])))];
    if (unitIds.length === 0) return new Map();
    const paths = new Map(
      [...(await this.orgUnits.pathsOf(unitIds))].map(([id, path]) => [id, idsOnPath(path)]),
    );
    const onPaths = [...new Set([...paths.values()].flat())];
    const managed = new Set(
      (await this.users.holdersOf('org_manager', 'org_unit', onPaths)).map((row) => row.scopeId),
    );
    return new Map([...paths].map(([unitId, ids]) => [unitId, managingUnits(ids, managed)]));
  }

  private notice(view: NoticeSource, recipientIds: string[]): TrainingNoticeEvent {
    return {
      requirementId: view.requirement.id,
      recipientIds,
      title: view.rules.title,
      courseId: view.rules.courseId,
      courseTitle: view.courseTitle,
    };
  }
}
