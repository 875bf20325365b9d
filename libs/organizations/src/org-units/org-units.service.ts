import { newId } from '@lifelong/common';
import { isDuplicateKey, retryOnDeadlock } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { OrganizationError } from '../organization-error';
import { STAFF_MANAGERS, UNIT_READERS } from '../policies';
import { assertMayPlaceUnder } from '../tree/assert-may-place';
import {
  childPath,
  depthOf,
  idsOnPath,
  isWithin,
  MAX_TREE_DEPTH,
  placeNode,
} from '../tree/tree-path';
import { OrgUnit } from './org-unit.entity';
import type { OrgUnitLevel } from './org-unit-level';
import { OrgUnitsRepository } from './org-units.repository';

export interface NewOrgUnit {
  code: string;
  name: string;
  parentId?: string | null;
  level?: OrgUnitLevel | null;
}

export interface OrgUnitChange {
  name?: string;
  /** The agency's level; null clears it. */
  level?: OrgUnitLevel | null;
  /** The new parent; null moves the unit to the root. */
  parentId?: string | null;
}

/** The org-unit tree: adding units, and the subtree and ancestry questions other domains ask. */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly orgUnits: OrgUnitsRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** Adds a unit; an admin or org manager covering the parent may (a root: platform admin). */
  async create(principal: Principal, input: NewOrgUnit): Promise<OrgUnit> {
    const parent = input.parentId ? await this.findById(input.parentId) : null;
    if (input.parentId && !parent)
      throw new OrganizationError(
        'PARENT_NOT_FOUND',
        `There is no org unit ${input.parentId} to add this unit under`,
        'rule',
        { parentId: input.parentId },
      );
    await assertMayPlaceUnder(
      this.access,
      principal,
      STAFF_MANAGERS,
      parent && { scopeType: 'org_unit', scopeId: parent.id },
    );
    const id = newId();
    const place = placeNode(parent?.path ?? null, id);
    if (!place) throw new OrganizationError('TREE_TOO_DEEP', 'The tree is too deep here', 'rule');
    const unit = Object.assign(new OrgUnit(), {
      id,
      code: input.code,
      name: input.name,
      level: input.level ?? null,
      parentId: parent?.id ?? null,
      ...place,
    });
    try {
      await this.orgUnits.insert(unit);
    } catch (error) {
      if (isDuplicateKey(error, 'uq_org_units_code'))
        throw new OrganizationError(
          'ORG_UNIT_CODE_TAKEN',
          `An org unit with code ${input.code} already exists`,
          'conflict',
          { code: input.code },
        );
      throw error;
    }
    return unit;
  }

  /** One unit the caller may read (404 when there is none, 403 outside their reach). */
  async one(principal: Principal, id: string): Promise<OrgUnit> {
    const unit = await this.mustFind(id);
    await this.access.assertCovers(principal, UNIT_READERS, scopeOf(unit));
    return unit;
  }

  /**
   * One level of the tree as the caller sees it: the children of `parentId` (which the caller
   * must cover), or without it the tops of the caller's reach (the roots for a platform admin,
   * the units of their grants otherwise); by name.
   */
  async level(principal: Principal, parentId: string | undefined): Promise<OrgUnit[]> {
    if (parentId) {
      const parent = await this.mustFind(parentId);
      await this.access.assertCovers(principal, STAFF_MANAGERS, scopeOf(parent));
      return this.children(parent.id);
    }
    const reach = this.access.reach(principal, STAFF_MANAGERS);
    if (reach.everywhere) return this.orgUnits.roots();
    const ids = reach.scopes.filter((s) => s.scopeType === 'org_unit').map((s) => s.scopeId);
    if (ids.length === 0) return [];
    const units = await this.orgUnits.byIdsByName(ids);
    // A grant inside another grant of the caller's is already reached through it.
    return units.filter((unit) => !units.some((o) => o !== unit && isWithin(unit.path, o.path)));
  }

  /**
   * Renames a unit and/or moves it (with its subtree) under another parent, or to the root
   * (`parentId: null`, a platform admin only, as for adding a root). The caller must cover the
   * unit and the new parent; a move under the unit itself or its subtree is refused. The subtree's
   * paths and depths are rewritten in one statement, in one transaction.
   */
  async update(principal: Principal, id: string, change: OrgUnitChange): Promise<OrgUnit> {
    const unit = await this.mustFind(id);
    await this.access.assertCovers(principal, STAFF_MANAGERS, scopeOf(unit));
    const moving = change.parentId !== undefined && change.parentId !== unit.parentId;
    const target = moving && change.parentId ? await this.findById(change.parentId) : null;
    if (moving && change.parentId && !target)
      throw new OrganizationError(
        'PARENT_NOT_FOUND',
        `There is no org unit ${change.parentId} to move this unit under`,
        'rule',
        { parentId: change.parentId },
      );
    if (moving)
      await assertMayPlaceUnder(
        this.access,
        principal,
        STAFF_MANAGERS,
        target && { scopeType: 'org_unit', scopeId: target.id },
      );
    // Two moves at once (A under B while B goes under A) must not make a cycle: both rows are
    // locked, in one order, and the paths read under the lock decide. A move of any ancestor of
    // the new parent rewrites the parent's row, so it waits for the lock or is seen by it.
    return retryOnDeadlock(() =>
      this.orgUnits.transaction(async (manager) => {
        const locked = await this.orgUnits.lockByIds(
          manager,
          target ? [unit.id, target.id] : [unit.id],
        );
        const current = locked.find((row) => row.id === unit.id);
        if (!current)
          throw new OrganizationError(
            'ORG_UNIT_NOT_FOUND',
            `There is no org unit ${id}`,
            'not_found',
          );
        const parent = target ? locked.find((row) => row.id === target.id) : null;
        if (moving) {
          if (parent && isWithin(parent.path, current.path))
            throw new OrganizationError(
              'ORG_UNIT_MOVE_CYCLE',
              'A unit cannot be moved under itself or a unit below it',
              'rule',
              { parentId: parent.id },
            );
          const newPath = childPath(parent?.path ?? null, current.id);
          const deepest = await this.orgUnits.deepestUnder(manager, current.path);
          const shift = depthOf(newPath) - current.depth;
          if (Number(deepest ?? current.depth) + shift > MAX_TREE_DEPTH)
            throw new OrganizationError('TREE_TOO_DEEP', 'The tree is too deep here', 'rule');
          await this.orgUnits.moveSubtree(manager, current.path, newPath, shift);
          await this.orgUnits.update(manager, current.id, { parentId: parent?.id ?? null });
        }
        if (change.name !== undefined && change.name !== current.name)
          await this.orgUnits.update(manager, current.id, { name: change.name });
        if (change.level !== undefined && change.level !== current.level)
          await this.orgUnits.update(manager, current.id, { level: change.level });
        return (await this.orgUnits.findById(current.id, manager)) as OrgUnit;
      }),
    );
  }

  private async mustFind(id: string): Promise<OrgUnit> {
    const unit = await this.findById(id);
    if (!unit)
      throw new OrganizationError('ORG_UNIT_NOT_FOUND', `There is no org unit ${id}`, 'not_found');
    return unit;
  }

  findById(id: string): Promise<OrgUnit | null> {
    return this.orgUnits.findById(id);
  }

  findByCode(code: string): Promise<OrgUnit | null> {
    return this.orgUnits.findByCode(code);
  }

  /** The unit itself and every unit below it, ordered by path (parents before children). */
  async subtree(orgUnitId: string): Promise<OrgUnit[]> {
    const unit = await this.findById(orgUnitId);
    if (!unit) return [];
    return this.orgUnits.subtree(unit.path);
  }

  /** Ids of the unit and every unit below it (empty for an unknown unit); one index range. */
  async subtreeIds(orgUnitId: string): Promise<string[]> {
    const unit = await this.findById(orgUnitId);
    if (!unit) return [];
    return this.orgUnits.subtreeIds(unit.path);
  }

  /** The direct children, by name. */
  children(orgUnitId: string): Promise<OrgUnit[]> {
    return this.orgUnits.children(orgUnitId);
  }

  /** The units from the root down to the unit's parent (empty for a root or unknown unit). */
  async ancestors(orgUnitId: string): Promise<OrgUnit[]> {
    const unit = await this.findById(orgUnitId);
    const ids = unit ? idsOnPath(unit.path).slice(0, -1) : [];
    if (ids.length === 0) return [];
    const found = await this.orgUnits.byIds(ids);
    return ids.flatMap((id) => found.filter((candidate) => candidate.id === id));
  }
}

const scopeOf = (unit: OrgUnit) => ({ scopeType: 'org_unit' as const, scopeId: unit.id });
