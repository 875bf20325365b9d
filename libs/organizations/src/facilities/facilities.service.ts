import { newId, type Page, type PageQuery, toPage } from '@lifelong/common';
import { isDuplicateKey, recordEvent } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository';
import { OrganizationError } from '../organization-error';
import { STRUCTURE_EDITORS } from '../policies';
import { FacilitiesRepository } from './facilities.repository';
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
    private readonly facilities: FacilitiesRepository,
    private readonly adminUnits: AdminUnitsRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** Registers a facility; an admin covering its administrative unit may. */
  async create(principal: Principal, input: NewFacility): Promise<Facility> {
    const unit = await this.adminUnits.findById(input.adminUnitId);
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
    const facility = Object.assign(new Facility(), { id: newId(), ...input });
    try {
      // The programme's figures count it from now: the event commits with the row.
      await this.facilities.transaction(async (manager) => {
        await this.facilities.insert(manager, facility);
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
    return this.facilities.findById(id);
  }

  /** The directory, by name; an unknown administrative unit yields an empty page. */
  async list(filter: FacilityFilter, query: PageQuery): Promise<Page<Facility>> {
    let adminUnitPath: string | undefined;
    if (filter.adminUnitId) {
      const unit = await this.adminUnits.findPath(filter.adminUnitId);
      if (!unit) return toPage([], 0, query);
      adminUnitPath = unit.path;
    }
    return this.facilities.page({ type: filter.type, adminUnitPath }, query);
  }
}
