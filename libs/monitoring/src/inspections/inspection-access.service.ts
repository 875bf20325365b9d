import { AccessPolicy, type Principal, type Role } from '@lifelong/identity';
import { FacilityDirectory, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { MonitoringError } from '../monitoring-error';
import { INSPECTED, INSPECTORS } from '../policies';
import type { InspectionTarget } from './inspection-rules';
import { type InspectionReach, InspectionsRepository } from './inspections.repository';

/** What an inspection looks at. */
export interface Target {
  targetType: InspectionTarget;
  targetId: string;
}

/**
 * Scope checks for inspections. A facility is covered by grants on it and on the
 * administrative units above it, an org unit by grants on it and the units above it (identity's
 * scope rules). Someone who answers for the unit (a grant on the unit itself, or an inspected
 * unit's role covering it) never inspects it.
 */
@Injectable()
export class InspectionAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly facilities: FacilityDirectory,
    private readonly repository: InspectionsRepository,
  ) {}

  /** The target's name; 404 when it does not exist. */
  async nameOf({ targetType, targetId }: Target): Promise<string> {
    if (targetType === 'facility') {
      const card = await this.facilities.card(targetId);
      if (!card) throw new MonitoringError('FACILITY_NOT_FOUND', 'No such facility', { targetId });
      return card.name;
    }
    const unit = await this.repository.orgUnit(targetId);
    if (!unit) throw new MonitoringError('ORG_UNIT_NOT_FOUND', 'No such org unit', { targetId });
    return unit.name;
  }

  /** True when the caller holds one of `roles` covering the target. */
  covers(principal: Principal, roles: readonly Role[], target: Target): Promise<boolean> {
    return this.policy.covers(principal, roles, scopeOf(target));
  }

  /** 403 unless the caller holds one of `roles` covering the target. */
  assertCovers(principal: Principal, roles: readonly Role[], target: Target): Promise<void> {
    return this.policy.assertCovers(principal, roles, scopeOf(target));
  }

  /**
   * 403 unless the caller may inspect the target: a supervisor or admin covering it who does
   * not answer for it (403 OWN_UNIT).
   */
  async assertInspector(principal: Principal, target: Target): Promise<void> {
    await this.policy.assertCovers(principal, INSPECTORS, scopeOf(target));
    const ownGrant = principal.roles.some(
      (grant) => grant.scopeType === target.targetType && grant.scopeId === target.targetId,
    );
    if (ownGrant || (await this.policy.covers(principal, INSPECTED, scopeOf(target))))
      throw new MonitoringError('OWN_UNIT', 'You may not inspect a unit you answer for', {
        targetId: target.targetId,
      });
  }

  /** Where the caller holds one of `roles`, as a list filter. */
  async reach(principal: Principal, roles: readonly Role[]): Promise<InspectionReach> {
    const reach = this.policy.reach(principal, roles);
    if (reach.everywhere) return reach;
    const filter = {
      everywhere: false as const,
      facilityIds: [] as string[],
      adminUnitPatterns: [] as string[],
      orgUnitPatterns: [] as string[],
    };
    for (const scope of reach.scopes) {
      if (scope.scopeType === 'facility') filter.facilityIds.push(scope.scopeId);
      else if (scope.scopeType === 'admin_unit') {
        const path = await this.facilities.adminUnitPath(scope.scopeId);
        if (path !== null) filter.adminUnitPatterns.push(subtreePattern(path));
      } else {
        const unit = await this.repository.orgUnit(scope.scopeId);
        if (unit) filter.orgUnitPatterns.push(subtreePattern(unit.path));
      }
    }
    return filter;
  }
}

const scopeOf = ({ targetType, targetId }: Target) => ({
  scopeType: targetType,
  scopeId: targetId,
});
