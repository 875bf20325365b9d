import { AuditLog } from '@lifelong/audit';
import { Clock, newId, type Page, type PageQuery } from '@lifelong/common';
import { type Principal, UserLookup } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { MonitoringError } from '../monitoring-error';
import { INSPECTED, INSPECTORS } from '../policies';
import { InspectionAccess } from './inspection-access.service';
import {
  type EvidenceFile,
  type EvidenceUpload,
  InspectionEvidence,
} from './inspection-evidence.service';
import { vietnamDay } from './inspection-rules';
import { type ActionRow, InspectionsRepository } from './inspections.repository';
import { type InspectionView, Inspections, placeOf } from './inspections.service';

/** An overdue action in a supervisor's list. */
export interface OverdueAction extends ActionRow {
  ownerName: string;
}

/**
 * Follow-up actions of inspections. The inspectors set each one (what, an owner who answers
 * for the inspected unit, a due day in Vietnam); the inspected unit's admins attach evidence
 * and close it once the inspection is published (a closing without evidence is refused), which
 * is audited. Supervisors list the overdue ones in their reach.
 */
@Injectable()
export class InspectionActions {
  constructor(
    private readonly repository: InspectionsRepository,
    private readonly access: InspectionAccess,
    private readonly inspections: Inspections,
    private readonly evidence: InspectionEvidence,
    private readonly users: UserLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Adds an action (before or after publishing); its owner must answer for the unit. */
  async add(
    principal: Principal,
    inspectionId: string,
    action: { title: string; ownerId: string; dueOn: string },
  ): Promise<InspectionView> {
    const inspection = await this.repository.find(inspectionId);
    if (!inspection)
      throw new MonitoringError('INSPECTION_NOT_FOUND', 'No such inspection', { id: inspectionId });
    await this.access.assertInspector(principal, inspection);
    const admins = await this.inspections.unitAdmins(inspection);
    if (!admins.some((admin) => admin.userId === action.ownerId))
      throw new MonitoringError(
        'VALIDATION_FAILED',
        'The owner must answer for the inspected unit',
        {
          fields: { ownerId: ['must be an admin of the inspected unit'] },
        },
      );
    await this.repository.transaction((manager) =>
      this.repository.insertAction(
        manager,
        { id: newId(), inspectionId, ...action },
        this.clock.now(),
      ),
    );
    return this.inspections.find(principal, inspectionId);
  }

  /** Attaches evidence to an open action of a published inspection (the inspected unit). */
  async addEvidence(
    principal: Principal,
    actionId: string,
    upload: EvidenceUpload,
  ): Promise<EvidenceFile> {
    const action = await this.closable(principal, actionId).catch((error: unknown) => {
      upload.body.resume();
      throw error;
    });
    return this.evidence.store(
      { inspectionId: action.inspectionId, criterion: null, actionId },
      upload,
      principal.userId,
    );
  }

  /** Closes the action: it needs at least one evidence file (422 ACTION_NEEDS_EVIDENCE). */
  async close(
    principal: Principal,
    actionId: string,
    note: string | null,
  ): Promise<InspectionView> {
    const action = await this.closable(principal, actionId);
    await this.repository.transaction(async (manager) => {
      const locked = await this.repository.findAction(actionId, manager, true);
      if (locked?.status === 'closed') throw closed(actionId);
      if ((await this.repository.countActionEvidence(manager, actionId)) === 0)
        throw new MonitoringError(
          'ACTION_NEEDS_EVIDENCE',
          'Attach evidence of what was done before closing the action',
          { actionId },
        );
      await this.repository.closeAction(
        manager,
        actionId,
        note,
        principal.userId,
        this.clock.now(),
      );
      await this.audit.record(manager, {
        action: 'inspection-action.closed',
        subjectType: 'inspection_action',
        subjectId: actionId,
        details: { inspectionId: action.inspectionId, title: action.title, dueOn: action.dueOn },
        place: placeOf(action),
      });
    });
    return this.inspections.find(principal, action.inspectionId);
  }

  /** Open actions past their due day in the caller's reach as an inspector. */
  async overdue(principal: Principal, query: PageQuery): Promise<Page<OverdueAction>> {
    const page = await this.repository.overdue(
      await this.access.reach(principal, INSPECTORS),
      vietnamDay(this.clock.now()),
      query,
    );
    const names = new Map(
      (await this.users.contacts([...new Set(page.items.map((item) => item.ownerId))])).map(
        (contact) => [contact.userId, contact.fullName],
      ),
    );
    return {
      ...page,
      items: page.items.map((item) => ({ ...item, ownerName: names.get(item.ownerId) ?? '' })),
    };
  }

  /**
   * The action, when the caller answers for the inspected unit and it can still be closed:
   * 404 while the inspection is unpublished (the unit does not see it yet), 409 once closed.
   */
  private async closable(principal: Principal, actionId: string): Promise<ActionRow> {
    const action = await this.repository.findAction(actionId);
    const inspection = action ? await this.repository.find(action.inspectionId) : null;
    if (!action || inspection?.status !== 'published')
      throw new MonitoringError('ACTION_NOT_FOUND', 'No such follow-up action', { actionId });
    await this.access.assertCovers(principal, INSPECTED, action);
    if (action.status === 'closed') throw closed(actionId);
    return action;
  }
}

const closed = (actionId: string) =>
  new MonitoringError('ACTION_CLOSED', 'The action is already closed', { actionId });
