import { AuditModule, AuditPlaces } from '@lifelong/audit';
import { IdentityModule, PersonPlacements, ScopeHierarchy } from '@lifelong/identity';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnit } from './admin-units/admin-unit.entity';
import { AdminUnitsService } from './admin-units/admin-units.service';
import { FacilitiesService } from './facilities/facilities.service';
import { FacilityDirectory } from './facilities/facility-directory.service';
import { Facility } from './facilities/facility.entity';
import { Membership } from './memberships/membership.entity';
import { MembershipsService } from './memberships/memberships.service';
import { StaffProfile } from './memberships/staff-profile.entity';
import { OrgUnitPaths } from './org-units/org-unit-paths.service';
import { OrgUnit } from './org-units/org-unit.entity';
import { OrgUnitTree } from './org-units/org-unit-tree.service';
import { OrgUnitsService } from './org-units/org-units.service';
import { MembershipPlacements } from './scope/membership-placements';
import { OrganizationAuditPlaces } from './scope/organization-audit-places';
import { ScopeSearch } from './scope/scope-search.service';
import { OrganizationScopeHierarchy } from './scope/organization-scope-hierarchy';
import { RequestStaffImportService } from './staff-import/request-staff-import.service';
import { StaffImport } from './staff-import/staff-import.entity';
import { StaffImportChunk } from './staff-import/staff-import-chunk.entity';
import { StaffImportError } from './staff-import/staff-import-error.entity';
import { StaffImportReportService } from './staff-import/staff-import-report.service';

/** Read ports: what other domains may know of the organization, without its tables. */
const READ_PORTS = [FacilityDirectory, OrgUnitPaths];

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
    ...SERVICES,
    ...READ_PORTS,
    { provide: ScopeHierarchy, useClass: OrganizationScopeHierarchy },
    { provide: PersonPlacements, useClass: MembershipPlacements },
    { provide: AuditPlaces, useClass: OrganizationAuditPlaces },
  ],
  exports: [...SERVICES, ...READ_PORTS, ScopeHierarchy, PersonPlacements, AuditPlaces],
})
export class OrganizationsModule {}
