import { PersonPlacements, type Scope } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from '../memberships/memberships.repository';

/**
 * Where a person is placed, for identity's account-management checks: the org units of their
 * current memberships (one index range on `current_user_id`).
 */
@Injectable()
export class MembershipPlacements extends PersonPlacements {
  constructor(private readonly memberships: MembershipsRepository) {
    super();
  }

  async placesOf(userId: string): Promise<Scope[]> {
    const orgUnitIds = await this.memberships.currentOrgUnitIds(userId);
    return orgUnitIds.map((orgUnitId) => ({ scopeType: 'org_unit', scopeId: orgUnitId }));
  }
}
