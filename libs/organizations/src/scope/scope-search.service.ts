import { AccessPolicy, type Principal, type Role, type ScopeType } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { ScopePlacesRepository } from './scope-places.repository';

export interface ScopeMatch {
  scopeType: ScopeType;
  scopeId: string;
  code: string;
  name: string;
}

/** The roles whose grants reach places of each type (what a granter may grant there). */
const REACHING: Record<ScopeType, readonly Role[]> = {
  admin_unit: ['admin'],
  facility: ['admin', 'facility_admin'],
  org_unit: ['admin', 'org_manager'],
};

const LIMIT = 20;

/**
 * Places of one type, by name or code, among those inside the caller's own grants: what a scope
 * picker offers. The grant itself is still checked by the grant rules when it is made.
 */
@Injectable()
export class ScopeSearch {
  constructor(
    private readonly access: AccessPolicy,
    private readonly places: ScopePlacesRepository,
  ) {}

  async search(principal: Principal, scopeType: ScopeType, q: string): Promise<ScopeMatch[]> {
    const reach = this.access.reach(principal, REACHING[scopeType]);
    const rows = await this.places.search(
      scopeType,
      q,
      reach.everywhere ? null : reach.scopes,
      LIMIT,
    );
    return rows.map((row) => ({ scopeType, scopeId: row.id, code: row.code, name: row.name }));
  }
}
