import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { OrganizationError } from '../organization-error';
import { STAFF_MANAGERS } from '../policies';
import type { OrgUnit } from './org-unit.entity';
import { OrgUnitsRepository } from './org-units.repository';

/** A unit as a manager's tree shows it: where it hangs and how many people are in it now. */
export interface OrgUnitNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** Current members of this unit itself (not of the units below it). */
  staffCount: number;
}

/** The part of the org-unit tree a staff manager may see, for the "my staff" tree. */
@Injectable()
export class OrgUnitTree {
  constructor(
    private readonly orgUnits: OrgUnitsRepository,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * The subtree of `rootId` (which the caller must cover), or without it every subtree the
   * caller manages (a platform admin: the whole tree). Parents come before their children.
   */
  async visible(principal: Principal, rootId?: string): Promise<OrgUnitNode[]> {
    const roots =
      rootId === undefined
        ? await this.managedRoots(principal)
        : [await this.root(principal, rootId)];
    const paths = roots === 'all' ? null : roots.map((unit) => unit.path);
    if (paths !== null && paths.length === 0) return [];
    const rows = await this.orgUnits.treeRows(paths);
    return rows.map((row) => ({ ...row, staffCount: Number(row.staffCount) }));
  }

  private async root(principal: Principal, rootId: string): Promise<OrgUnit> {
    const unit = await this.orgUnits.findById(rootId);
    if (!unit)
      throw new OrganizationError(
        'ORG_UNIT_NOT_FOUND',
        `There is no org unit ${rootId}`,
        'not_found',
      );
    await this.access.assertCovers(principal, STAFF_MANAGERS, {
      scopeType: 'org_unit',
      scopeId: unit.id,
    });
    return unit;
  }

  /** The topmost org units the caller manages (nested grants fold into the outer one). */
  private async managedRoots(principal: Principal): Promise<OrgUnit[] | 'all'> {
    const reach = this.access.reach(principal, STAFF_MANAGERS);
    if (reach.everywhere) return 'all';
    const ids = reach.scopes
      .filter((scope) => scope.scopeType === 'org_unit')
      .map((scope) => scope.scopeId);
    if (ids.length === 0) return [];
    const units = await this.orgUnits.eachOf(ids);
    return units.filter(
      (unit) => !units.some((other) => other !== unit && unit.path.startsWith(other.path)),
    );
  }
}
