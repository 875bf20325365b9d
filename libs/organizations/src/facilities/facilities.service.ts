import { newId, type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { isDuplicateKey, recordEvent } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AdminUnit } from '../admin-units/admin-unit.entity';
import { OrganizationError } from '../organization-error';
import { STRUCTURE_EDITORS } from '../policies';
import { subtreePattern } from '../tree/tree-path';
import { Facility } from './facility.entity';
import type { FacilityType } from './facility-type';

export interface NewFacility {
  code: string;
  name: string;
  type: FacilityType;
  adminUnitId: string;
}

export interface FacilityFilter {
  type?: FacilityType;
  /** Facilities located anywhere in this administrative unit's subtree. */
  adminUnitId?: string;
}

/** Facilities: registering them and the public directory. */
@Injectable()
export class FacilitiesService {
  constructor(
    @InjectRepository(Facility) private readonly facilities: Repository<Facility>,
    @InjectRepository(AdminUnit) private readonly adminUnits: Repository<AdminUnit>,
    private readonly access: AccessPolicy,
  ) {}

  /** Registers a facility; an admin covering its administrative unit may. */
  async create(principal: Principal, input: NewFacility): Promise<Facility> {
    const unit = await this.adminUnits.findOneBy({ id: input.adminUnitId });
    if (!unit)
      throw new OrganizationError(
        'ADMIN_UNIT_NOT_FOUND',
        `There is no administrative unit ${input.adminUnitId}`,
        'rule',
        { adminUnitId: input.adminUnitId },
      );
    await this.access.assertCovers(principal, STRUCTURE_EDITORS, {
      scopeType: 'admin_unit',
      scopeId: unit.id,
    });
    const facility = this.facilities.create({ id: newId(), ...input });
    try {
      // The programme's figures count it from now: the event commits with the row.
      await this.facilities.manager.transaction(async (manager) => {
        await manager.insert(Facility, facility);
        await recordEvent(manager, 'organizations.facility-registered', {
          facilityId: facility.id,
        });
      });
    } catch (error) {
      if (isDuplicateKey(error, 'uq_facilities_code'))
        throw new OrganizationError(
          'FACILITY_CODE_TAKEN',
          `A facility with code ${input.code} already exists`,
          'conflict',
          { code: input.code },
        );
      throw error;
    }
    return facility;
  }

  /** One facility, or null when there is none of that id. */
  find(id: string): Promise<Facility | null> {
    return this.facilities.findOneBy({ id });
  }

  /** The directory, by name; an unknown administrative unit yields an empty page. */
  async list(filter: FacilityFilter, query: PageQuery): Promise<Page<Facility>> {
    const builder = this.facilities.createQueryBuilder('facility');
    if (filter.type) builder.andWhere('facility.type = :type', { type: filter.type });
    if (filter.adminUnitId) {
      const unit = await this.adminUnits.findOne({
        where: { id: filter.adminUnitId },
        select: { id: true, path: true },
      });
      if (!unit) return toPage([], 0, query);
      builder
        .innerJoin(AdminUnit, 'unit', 'unit.id = facility.adminUnitId')
        .andWhere('unit.path LIKE :pattern', { pattern: subtreePattern(unit.path) });
    }
    const [items, total] = await builder
      .orderBy('facility.name', 'ASC')
      .addOrderBy('facility.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.pageSize)
      .getManyAndCount();
    return toPage(items, total, query);
  }
}
