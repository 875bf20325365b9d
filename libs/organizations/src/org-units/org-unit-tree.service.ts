import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrganizationError } from '../organization-error';
import { STAFF_MANAGERS } from '../policies';
import { subtreePattern } from '../tree/tree-path';
import { OrgUnit } from './org-unit.entity';

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
    @InjectRepository(OrgUnit) private readonly orgUnits: Repository<OrgUnit>,
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
    const patterns = roots === 'all' ? null : roots.map((unit) => subtreePattern(unit.path));
    if (patterns !== null && patterns.length === 0) return [];
    const query = this.orgUnits
      .createQueryBuilder('unit')
      .select([
        'unit.id AS id',
        'unit.code AS code',
        'unit.name AS name',
        'unit.parentId AS parentId',
      ])
      .addSelect(
        '(SELECT COUNT(*) FROM `memberships` m WHERE m.`org_unit_id` = unit.`id` AND m.`ended_at` IS NULL)',
        'staffCount',
      )
      .orderBy('unit.path', 'ASC');
    if (patterns !== null)
      query.where(patterns.map((_, index) => `unit.path LIKE :p${index}`).join(' OR '), {
        ...Object.fromEntries(patterns.map((pattern, index) => [`p${index}`, pattern])),
      });
    const rows = await query.getRawMany<
      Omit<OrgUnitNode, 'staffCount'> & { staffCount: string | number }
    >();
    return rows.map((row) => ({ ...row, staffCount: Number(row.staffCount) }));
  }

  private async root(principal: Principal, rootId: string): Promise<OrgUnit> {
    const unit = await this.orgUnits.findOneBy({ id: rootId });
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
    const units = await this.orgUnits.findBy(ids.map((id) => ({ id })));
    return units.filter(
      (unit) => !units.some((other) => other !== unit && unit.path.startsWith(other.path)),
    );
  }
}
