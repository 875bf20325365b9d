import { AuditLog } from '@lifelong/audit';
import { Clock, DomainError, newId, type Page, type PageQuery } from '@lifelong/common';
import { type Principal, UserLookup } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { MonitoringError } from '../monitoring-error';
import { INSPECTED, INSPECTORS } from '../policies';
import { type Target, InspectionAccess } from './inspection-access.service';
import {
  type EvidenceFile,
  type EvidenceUpload,
  InspectionEvidence,
} from './inspection-evidence.service';
import {
  type Criterion,
  type InspectionStatus,
  type InspectionTarget,
  SCORE_MAX,
  vietnamDay,
  weightedTotal,
} from './inspection-rules';
import {
  type ActionRow,
  type InspectionRow,
  InspectionsRepository,
} from './inspections.repository';

/** What a plan says. */
export interface InspectionPlan {
  targetType: InspectionTarget;
  targetId: string;
  plannedOn: string;
  team: string[];
  criteria: { label: string; weight: number }[];
}

/** One criterion's score and note, as the team records it (null clears it). */
export interface CriterionScore {
  position: number;
  score: number | null;
  note: string | null;
}

/** A person who answers for the inspected unit: whom a follow-up action may be given to. */
export interface UnitAdmin {
  userId: string;
  fullName: string;
}

/** A follow-up action as the inspection shows it. */
export interface FollowUpAction extends ActionRow {
  ownerName: string;
  overdue: boolean;
  evidence: EvidenceFile[];
}

/** An inspection with its checklist, result, evidence and follow-up actions. */
export interface InspectionView extends InspectionRow {
  criteria: (Criterion & { evidence: EvidenceFile[] })[];
  /** The weighted result (0–100); null until every criterion has a score. */
  total: number | null;
  actions: FollowUpAction[];
  /** Whom actions may be given to (for its inspectors; empty for the inspected unit). */
  unitAdmins: UnitAdmin[];
}

/**
 * Inspections: a supervisor (or platform admin) covering a facility or an org unit, who does
 * not answer for it, plans one with a weighted checklist, records a score (0–100) and a note per
 * criterion with evidence files, and publishes it once every criterion is scored; from then on
 * the inspected unit reads it, and it no longer changes. Publishing is audited.
 */
@Injectable()
export class Inspections {
  constructor(
    private readonly repository: InspectionsRepository,
    private readonly access: InspectionAccess,
    private readonly evidence: InspectionEvidence,
    private readonly users: UserLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async plan(principal: Principal, plan: InspectionPlan): Promise<InspectionView> {
    const targetName = await this.access.nameOf(plan);
    await this.access.assertInspector(principal, plan);
    const id = newId();
    await this.repository.transaction((manager) =>
      this.repository.insertInspection(
        manager,
        {
          id,
          targetType: plan.targetType,
          targetId: plan.targetId,
          targetName,
          plannedOn: plan.plannedOn,
          team: plan.team,
          status: 'planned',
          plannedBy: principal.userId,
        },
        plan.criteria,
        this.clock.now(),
      ),
    );
    return this.view(await this.mustFind(id));
  }

  /** The inspection for its inspectors, or for the inspected unit once published (404 before). */
  async find(principal: Principal, id: string): Promise<InspectionView> {
    const inspection = await this.mustFind(id);
    if (await this.mayInspect(principal, inspection)) return this.view(inspection);
    if (
      inspection.status === 'published' &&
      (await this.access.covers(principal, INSPECTED, inspection))
    )
      return this.view(inspection, false);
    throw notFound(id);
  }

  /** Records scores and notes (and the summary) while the inspection is not published. */
  async record(
    principal: Principal,
    id: string,
    scores: readonly CriterionScore[],
    summary: string | null,
  ): Promise<InspectionView> {
    const inspection = await this.editable(principal, id);
    const criteria = await this.repository.criteria(id);
    const positions = new Set(criteria.map((criterion) => criterion.position));
    const fields: Record<string, string[]> = {};
    scores.forEach((entry, index) => {
      if (!positions.has(entry.position))
        fields[`scores.${index}.position`] = ['no criterion has this position'];
      if (
        entry.score !== null &&
        !(Number.isInteger(entry.score) && entry.score >= 0 && entry.score <= SCORE_MAX)
      )
        fields[`scores.${index}.score`] = [`must be a whole number from 0 to ${SCORE_MAX}`];
    });
    if (Object.keys(fields).length > 0)
      throw new MonitoringError('VALIDATION_FAILED', 'Some scores are not valid', { fields });
    await this.repository.transaction(async (manager) => {
      const locked = await this.repository.find(id, manager, true);
      if (locked?.status === 'published') throw published(id);
      await this.repository.recordScores(manager, id, scores, summary, this.clock.now());
    });
    return this.view(inspection);
  }

  /** Attaches an evidence file to a criterion, while the inspection is not published. */
  async addEvidence(
    principal: Principal,
    id: string,
    position: number,
    upload: EvidenceUpload,
  ): Promise<EvidenceFile> {
    await this.editable(principal, id);
    const criteria = await this.repository.criteria(id);
    if (!criteria.some((criterion) => criterion.position === position)) {
      upload.body.resume();
      throw new MonitoringError('VALIDATION_FAILED', 'No criterion has this position', {
        fields: { position: ['no criterion has this position'] },
      });
    }
    return this.evidence.store(
      { inspectionId: id, criterion: position, actionId: null },
      upload,
      principal.userId,
    );
  }

  /** Publishes the report to the inspected unit: every criterion scored (422 otherwise). */
  async publish(principal: Principal, id: string): Promise<InspectionView> {
    const inspection = await this.editable(principal, id);
    await this.repository.transaction(async (manager) => {
      const locked = await this.repository.find(id, manager, true);
      if (locked?.status === 'published') throw published(id);
      const criteria = await this.repository.criteria(id, manager);
      const unscored = criteria.filter((criterion) => criterion.score === null);
      if (unscored.length > 0)
        throw new MonitoringError('INSPECTION_INCOMPLETE', 'Some criteria have no score', {
          unscored: unscored.map((criterion) => criterion.position),
        });
      const now = this.clock.now();
      await this.repository.markPublished(manager, id, principal.userId, now);
      await this.audit.record(manager, {
        action: 'inspection.published',
        subjectType: 'inspection',
        subjectId: id,
        details: {
          targetType: inspection.targetType,
          targetId: inspection.targetId,
          targetName: inspection.targetName,
          total: weightedTotal(criteria),
        },
        place: placeOf(inspection),
      });
    });
    return this.view(await this.mustFind(id));
  }

  /** Inspections in the caller's reach as an inspector, the latest planned first. */
  async list(
    principal: Principal,
    query: PageQuery & { status?: InspectionStatus },
  ): Promise<Page<InspectionRow & { total: number | null }>> {
    return this.withTotals(
      await this.repository.page(await this.access.reach(principal, INSPECTORS), query),
    );
  }

  /** Published inspections of the units the caller answers for. */
  async received(
    principal: Principal,
    query: PageQuery,
  ): Promise<Page<InspectionRow & { total: number | null }>> {
    return this.withTotals(
      await this.repository.page(await this.access.reach(principal, INSPECTED), {
        ...query,
        status: 'published',
      }),
    );
  }

  /** True when the caller may inspect this inspection's target. */
  async mayInspect(principal: Principal, target: Target): Promise<boolean> {
    try {
      await this.access.assertInspector(principal, target);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'forbidden') return false;
      throw error;
    }
  }

  /** Whom follow-up actions of the target may be given to: its facility admins or org managers. */
  async unitAdmins(target: Target): Promise<UnitAdmin[]> {
    const role = target.targetType === 'facility' ? 'facility_admin' : 'org_manager';
    const holders = await this.users.holdersOf(role, target.targetType, [target.targetId]);
    const contacts = await this.users.contacts(holders.map((holder) => holder.userId));
    return contacts
      .map((contact) => ({ userId: contact.userId, fullName: contact.fullName }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  }

  /** 404 unless it exists; 403 unless the caller may inspect it; 409 once published. */
  private async editable(principal: Principal, id: string): Promise<InspectionRow> {
    const inspection = await this.mustFind(id);
    await this.access.assertInspector(principal, inspection);
    if (inspection.status === 'published') throw published(id);
    return inspection;
  }

  private async mustFind(id: string): Promise<InspectionRow> {
    const inspection = await this.repository.find(id);
    if (!inspection) throw notFound(id);
    return inspection;
  }

  private async withTotals<T extends InspectionRow>(
    page: Page<T>,
  ): Promise<Page<T & { total: number | null }>> {
    const items = [];
    for (const item of page.items)
      items.push({ ...item, total: weightedTotal(await this.repository.criteria(item.id)) });
    return { ...page, items };
  }

  /** The inspection as it now stands; `inspector` adds whom actions may be given to. */
  private async view(inspection: InspectionRow, inspector = true): Promise<InspectionView> {
    const fresh = (await this.repository.find(inspection.id)) ?? inspection;
    const [criteria, actions, files] = await Promise.all([
      this.repository.criteria(inspection.id),
      this.repository.actions(inspection.id),
      this.repository.evidence(inspection.id),
    ]);
    const signed = files.map((file) => this.evidence.signed(file));
    const names = new Map(
      (await this.users.contacts([...new Set(actions.map((action) => action.ownerId))])).map(
        (contact) => [contact.userId, contact.fullName],
      ),
    );
    const today = vietnamDay(this.clock.now());
    return {
      ...fresh,
      criteria: criteria.map((criterion) => ({
        ...criterion,
        evidence: signed.filter((file) => file.criterion === criterion.position),
      })),
      total: weightedTotal(criteria),
      actions: actions.map((action) => ({
        ...action,
        ownerName: names.get(action.ownerId) ?? '',
        overdue: action.status === 'open' && action.dueOn < today,
        evidence: signed.filter((file) => file.actionId === action.id),
      })),
      unitAdmins: inspector ? await this.unitAdmins(fresh) : [],
    };
  }
}

/** Where an audit entry about the inspection belongs. */
export const placeOf = (target: Target) =>
  target.targetType === 'facility'
    ? { facilityId: target.targetId }
    : { orgUnitId: target.targetId };

const notFound = (id: string) =>
  new MonitoringError('INSPECTION_NOT_FOUND', 'No such inspection', { id });

const published = (id: string) =>
  new MonitoringError(
    'INSPECTION_PUBLISHED',
    'The inspection is published and can no longer change',
    {
      id,
    },
  );
