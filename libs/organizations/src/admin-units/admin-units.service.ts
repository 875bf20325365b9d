import { newId, type Page, type PageQuery } from '@lifelong/common';
import { isDuplicateKey } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { OrganizationError } from '../organization-error';
import { STRUCTURE_EDITORS } from '../policies';
import { assertMayPlaceUnder } from '../tree/assert-may-place';
import { placeNode } from '../tree/tree-path';
import { AdminUnit } from './admin-unit.entity';
import { AdminUnitsRepository } from './admin-units.repository';

export interface NewAdminUnit {
  code: string;
  name: string;
  level: string;
  parentId?: string | null;
}

/** The administrative tree: adding units and browsing it level by level. */
@Injectable()
export class AdminUnitsService {
  constructor(
    private readonly adminUnits: AdminUnitsRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** Adds a unit; an admin (or an admin scoped over the parent) may. */
  async create(principal: Principal, input: NewAdminUnit): Promise<AdminUnit> {
    const parent = input.parentId ? await this.adminUnits.findById(input.parentId) : null;
    if (input.parentId && !parent)
      throw new OrganizationError(
        'PARENT_NOT_FOUND',
        `There is no administrative unit ${input.parentId} to add this unit under`,
        'rule',
        { parentId: input.parentId },
      );
    await assertMayPlaceUnder(
      this.access,
      principal,
      STRUCTURE_EDITORS,
      parent && { scopeType: 'admin_unit', scopeId: parent.id },
    );
    const id = newId();
    const place = placeNode(parent?.path ?? null, id);
    if (!place) throw new OrganizationError('TREE_TOO_DEEP', 'The tree is too deep here', 'rule');
    const unit = Object.assign(new AdminUnit(), {
      id,
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: parent?.id ?? null,
      ...place,
    });
    try {
      await this.adminUnits.insert(unit);
    } catch (error) {
      if (isDuplicateKey(error, 'uq_admin_units_code'))
        throw new OrganizationError(
          'ADMIN_UNIT_CODE_TAKEN',
          `An administrative unit with code ${input.code} already exists`,
          'conflict',
          { code: input.code },
        );
      throw error;
    }
    return unit;
  }

  /** The children of `parentId`, or the roots (provinces) without it; by name. */
  list(parentId: string | undefined, query: PageQuery): Promise<Page<AdminUnit>> {
    return this.adminUnits.pageOfChildren(parentId, query);
  }
}
