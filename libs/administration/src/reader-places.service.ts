import type { RoleReach } from '@lifelong/identity';
import { subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { ReaderPlacesRepository } from './reader-places.repository';

/**
 * A reader's scopes as index-range patterns: the org-unit and administrative-unit subtrees
 * (`path LIKE pattern`) and the facilities they cover. Scopes whose unit no longer exists cover
 * nothing.
 */
export type ReaderPlaces =
  | { everywhere: true }
  | {
      everywhere: false;
      /** The org units' paths themselves, to test one person's unit in memory. */
      orgUnitPaths: string[];
      orgUnitPatterns: string[];
      adminUnitPatterns: string[];
      facilityIds: string[];
    };

/** Turns a caller's {@link RoleReach} into {@link ReaderPlaces} (two primary-key reads). */
@Injectable()
export class ReaderPlacesResolver {
  constructor(private readonly units: ReaderPlacesRepository) {}

  async of(reach: RoleReach): Promise<ReaderPlaces> {
    if (reach.everywhere) return { everywhere: true };
    const idsOf = (type: string): string[] =>
      reach.scopes.filter((scope) => scope.scopeType === type).map((scope) => scope.scopeId);
    const orgUnitIds = idsOf('org_unit');
    const adminUnitIds = idsOf('admin_unit');
    const [orgUnits, adminUnits] = await Promise.all([
      this.units.orgUnitPaths(orgUnitIds),
      this.units.adminUnitPaths(adminUnitIds),
    ]);
    return {
      everywhere: false,
      orgUnitPaths: orgUnits.map((unit) => unit.path),
      orgUnitPatterns: orgUnits.map((unit) => subtreePattern(unit.path)),
      adminUnitPatterns: adminUnits.map((unit) => subtreePattern(unit.path)),
      facilityIds: idsOf('facility'),
    };
  }
}
