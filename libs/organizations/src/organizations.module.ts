import { AuditModule, AuditPlaces } from '@lifelong/audit';
import { IdentityModule, PersonPlacements, ScopeHierarchy } from '@lifelong/identity';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnit } from './admin-units/admin-unit.entity';
import { AdminUnitsRepository } from './admin-units/admin-units.repository';
import { AdminUnitsService } from './admin-units/admin-units.service';
import { FacilitiesRepository } from './facilities/facilities.repository';
import { FacilitiesService } from './facilities/facilities.service';
import { FacilityDirectory } from './facilities/facility-directory.repository';
import { Facility } from './facilities/facility.entity';
import { Membership } from './memberships/membership.entity';
import { MembershipsRepository } from './memberships/memberships.repository';
import { MembershipsService } from './memberships/memberships.service';
import { StaffProfile } from './memberships/staff-profile.entity';
import { OrgUnitPaths } from './org-units/org-unit-paths.repository';
import { OrgUnit } from './org-units/org-unit.entity';
import { OrgUnitTree } from './org-units/org-unit-tree.service';
import { OrgUnitsRepository } from './org-units/org-units.repository';
import { OrgUnitsService } from './org-units/org-units.service';
import { MembershipPlacements } from './scope/membership-placements.service';
import { OrganizationAuditPlaces } from './scope/organization-audit-places.repository';
import { ScopePlacesRepository } from './scope/scope-places.repository';
import { ScopeSearch } from './scope/scope-search.service';
import { OrganizationScopeHierarchy } from './scope/organization-scope-hierarchy.service';
import { RequestStaffImportService } from './staff-import/request-staff-import.service';
import { StaffImport } from './staff-import/staff-import.entity';
import { StaffImportChunk } from './staff-import/staff-import-chunk.entity';
import { StaffImportError } from './staff-import/staff-import-error.entity';
import { StaffImportReportService } from './staff-import/staff-import-report.service';
import { StaffImportsRepository } from './staff-import/staff-imports.repository';

/** Read ports: what other domains may know of the organization, without its tables. */
const READ_PORTS = [FacilityDirectory, OrgUnitPaths];

/** Queries the worker's staff import runs too. */
const IMPORT_REPOSITORIES = [MembershipsRepository, OrgUnitsRepository, StaffImportsRepository];

const REPOSITORIES = [
  ...IMPORT_REPOSITORIES,
  AdminUnitsRepository,
  FacilitiesRepository,
  ScopePlacesRepository,
];

const SERVICES = [
  AdminUnitsService,
  FacilitiesService,
  OrgUnitsService,
  OrgUnitTree,
  MembershipsService,
  RequestStaffImportService,
  StaffImportReportService,
  ScopeSearch,
];

/**
 * Administrative units, facilities, org units and memberships. Global because it binds
 * identity's {@link ScopeHierarchy} and {@link PersonPlacements} for every module's scope checks
 * (identity cannot import it), and the audit log's {@link AuditPlaces} (where an audited subject
 * belongs).
 */
@Global()
@Module({
  imports: [
    IdentityModule,
    AuditModule,
    TypeOrmModule.forFeature([
      AdminUnit,
      Facility,
      OrgUnit,
      StaffProfile,
      Membership,
      StaffImport,
      StaffImportChunk,
      StaffImportError,
    ]),
  ],
  providers: [
    ...REPOSITORIES,
    ...SERVICES,
    ...READ_PORTS,
    { provide: ScopeHierarchy, useClass: OrganizationScopeHierarchy },
    { provide: PersonPlacements, useClass: MembershipPlacements },
    { provide: AuditPlaces, useClass: OrganizationAuditPlaces },
  ],
  exports: [
    ...SERVICES,
    ...IMPORT_REPOSITORIES,
    ...READ_PORTS,
    ScopeHierarchy,
    PersonPlacements,
    AuditPlaces,
  ],
})
export class OrganizationsModule {}
