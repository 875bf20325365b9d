import { newId } from '@lifelong/common';
import { isDuplicateKey } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { OrganizationError } from '../organization-error';
import { STAFF_MANAGERS } from '../policies';
import { assertMayPlaceUnder } from '../tree/assert-may-place';
import { idsOnPath, placeNode, subtreePattern } from '../tree/tree-path';
import { OrgUnit } from './org-unit.entity';

export interface NewOrgUnit {
  code: string;
  name: string;
  parentId?: string | null;
}

/** The org-unit tree: adding units, and the subtree and ancestry questions other domains ask. */
@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectRepository(OrgUnit) private readonly orgUnits: Repository<OrgUnit>,
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
    const unit = this.orgUnits.create({
      id,
      code: input.code,
      name: input.name,
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

  findById(id: string): Promise<OrgUnit | null> {
    return this.orgUnits.findOneBy({ id });
  }

  findByCode(code: string): Promise<OrgUnit | null> {
    return this.orgUnits.findOneBy({ code });
  }

  /** The unit itself and every unit below it, ordered by path (parents before children). */
  async subtree(orgUnitId: string): Promise<OrgUnit[]> {
    const unit = await this.findById(orgUnitId);
    if (!unit) return [];
    return this.orgUnits
      .createQueryBuilder('unit')
      .where('unit.path LIKE :pattern', { pattern: subtreePattern(unit.path) })
      .orderBy('unit.path', 'ASC')
      .getMany();
  }

  /** Ids of the unit and every unit below it (empty for an unknown unit); one index range. */
  async subtreeIds(orgUnitId: string): Promise<string[]> {
    const unit = await this.findById(orgUnitId);
    if (!unit) return [];
    const rows = await this.orgUnits
      .createQueryBuilder('unit')
      .select('unit.id', 'id')
      .where('unit.path LIKE :pattern', { pattern: subtreePattern(unit.path) })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** The direct children, by name. */
  children(orgUnitId: string): Promise<OrgUnit[]> {
    return this.orgUnits.find({ where: { parentId: orgUnitId }, order: { name: 'ASC' } });
  }

  /** The units from the root down to the unit's parent (empty for a root or unknown unit). */
  async ancestors(orgUnitId: string): Promise<OrgUnit[]> {
    const unit = await this.findById(orgUnitId);
    const ids = unit ? idsOnPath(unit.path).slice(0, -1) : [];
    if (ids.length === 0) return [];
    const found = await this.orgUnits.findBy({ id: In(ids) });
    return ids.flatMap((id) => found.filter((candidate) => candidate.id === id));
  }
}
