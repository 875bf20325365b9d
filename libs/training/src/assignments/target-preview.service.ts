import { AccessPolicy, type Principal } from '@lifelong/identity';
import { OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { REQUIREMENT_SETTERS } from '../policies';
import { toRules, type RequirementRules } from '../requirements/requirement.rules';
import { TrainingError } from '../training-error';
import { AssignmentReadsRepository } from './assignment-reads.repository';
import { targetCondition } from './target-query';

/** How many names a preview shows: enough to recognise the target, never a staff list. */
export const PREVIEW_SAMPLE = 5;

/** Who a requirement would assign, before it is saved. */
export interface TargetPreviewView {
  assignees: number;
  sample: { userId: string; fullName: string }[];
}

/** The targeting part of a requirement's input: the rest does not change who is assigned. */
export type TargetInput = Pick<RequirementRules, 'orgUnitId'> &
  Partial<{ includeDescendants: boolean; positions: string[]; jobGrades: string[] }>;

/**
 * Counts the people a requirement would target with the condition the assignment sync uses
 * (targetCondition), so the number a manager sees before saving is the number assigned after.
 */
@Injectable()
export class TargetPreview {
  constructor(
    private readonly reads: AssignmentReadsRepository,
    private readonly access: AccessPolicy,
    private readonly orgUnits: OrgUnitPaths,
  ) {}

  async preview(principal: Principal, input: TargetInput): Promise<TargetPreviewView> {
    const unitPath = await this.orgUnits.pathOf(input.orgUnitId);
    if (unitPath === null)
      throw new TrainingError('ORG_UNIT_NOT_FOUND', `There is no org unit ${input.orgUnitId}`, {
        orgUnitId: input.orgUnitId,
      });
    // The same check as saving: only who may set a requirement there may count its people.
    await this.access.assertCovers(principal, REQUIREMENT_SETTERS, {
      scopeType: 'org_unit',
      scopeId: input.orgUnitId,
    });
    const rules = toRules({ ...input, title: '', courseId: '' });
    const target = targetCondition(rules, unitPath);
    const assignees = await this.reads.countTargeted(target);
    const sample = await this.reads.sampleTargeted(target, PREVIEW_SAMPLE);
    return { assignees, sample };
  }
}
