import { AccessPolicy, type Principal, type Role, type RoleReach } from '@lifelong/identity';
import { FacilityDirectory } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { MonitoringError } from '../monitoring-error';
import { REPORT_DECIDERS } from '../policies';

/**
 * Scope checks for facility reports. A facility is covered by grants on it and on the
 * administrative units above it (identity's scope rules); someone holding a grant on the
 * facility itself answers for it, so they never decide on its report.
 */
@Injectable()
export class ReportAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly facilities: FacilityDirectory,
  ) {}

  /** 404 FACILITY_NOT_FOUND unless the facility exists. */
  async assertFacility(facilityId: string): Promise<void> {
    if (!(await this.facilities.exists(facilityId)))
      throw new MonitoringError('FACILITY_NOT_FOUND', 'No such facility', { facilityId });
  }

  /** 403 unless the caller holds one of `roles` covering the facility. */
  assertCovers(principal: Principal, roles: readonly Role[], facilityId: string): Promise<void> {
    return this.policy.assertCovers(principal, roles, {
      scopeType: 'facility',
      scopeId: facilityId,
    });
  }

  /** Where the caller holds one of `roles`. */
  reach(principal: Principal, roles: readonly Role[]): RoleReach {
    return this.policy.reach(principal, roles);
  }

  /** True when one of the caller's grants is on the facility itself (its own admins). */
  answersFor(principal: Principal, facilityId: string): boolean {
    return principal.roles.some(
      (grant) => grant.scopeType === 'facility' && grant.scopeId === facilityId,
    );
  }

  /**
   * 403 unless the caller may decide on the facility's report: a supervisor or admin covering
   * it who neither answers for the facility nor submitted the report.
   */
  async assertDecider(
    principal: Principal,
    facilityId: string,
    submittedBy: string | null,
  ): Promise<void> {
    await this.assertCovers(principal, REPORT_DECIDERS, facilityId);
    if (this.answersFor(principal, facilityId) || submittedBy === principal.userId)
      throw new MonitoringError('OWN_REPORT', "You may not decide on your own facility's report", {
        facilityId,
      });
  }
}
