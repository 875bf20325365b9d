/**
 * Organizations: administrative units, facilities, org units (agencies and departments),
 * staff memberships and the staff CSV import. Both trees keep materialized paths: a subtree is
 * one range of an index (`path LIKE subtreePattern(path)`), whatever the size of the tree.
 *
 * Import {@link OrganizationsModule} for the services below (it is global: it also binds
 * identity's ScopeHierarchy); the api adds {@link OrganizationsHttpModule}, the worker
 * {@link OrganizationsWorkerModule}.
 */

/** Services, repositories and the ScopeHierarchy binding; global. */
export { OrganizationsModule } from './organizations.module';
/** The organizations routes (api only). */
export { OrganizationsHttpModule } from './organizations.http.module';
/** The `organizations.import-staff` job handler (worker only). */
export { OrganizationsWorkerModule } from './organizations.worker.module';

/** A province, district or commune; `level` is data. */
export { AdminUnit } from './admin-units/admin-unit.entity';
/** A continuing-education facility in one administrative unit. */
export { Facility } from './facilities/facility.entity';
/** The seven kinds of facility, and their type. */
export { FACILITY_TYPES, type FacilityType } from './facilities/facility-type';
/** An agency or department: a node of the org-unit tree. */
export { OrgUnit } from './org-units/org-unit.entity';
export { ORG_UNIT_LEVELS, type OrgUnitLevel } from './org-units/org-unit-level';
/** A person's time in an org unit with position and job grade; `endedAt` null while current. */
export { Membership } from './memberships/membership.entity';
/** The employee code identifying a member of staff. */
export { StaffProfile } from './memberships/staff-profile.entity';

/** Adding administrative units and listing them level by level. */
export { AdminUnitsService, type NewAdminUnit } from './admin-units/admin-units.service';
/** Registering facilities and the directory (by type and administrative subtree). */
export {
  FacilitiesService,
  type FacilityFilter,
  type NewFacility,
} from './facilities/facilities.service';
/** The org-unit tree: find by id or code, subtree (units or ids), children, ancestors. */
export { OrgUnitsService, type NewOrgUnit } from './org-units/org-units.service';
/**
 * Read ports for other domains: a unit's place in the tree ({@link OrgUnitPaths}) and a
 * facility's kind ({@link FacilityDirectory}); the organization tables stay behind them.
 */
export { OrgUnitPaths } from './org-units/org-unit-paths.repository';
export { type FacilityCard, FacilityDirectory } from './facilities/facility-directory.repository';
/** Placing people, current membership(s), history, current members of a subtree. */
export { MembershipsService, type NewMember } from './memberships/memberships.service';
/** The rule deciding whether a placement starts, moves or leaves a membership alone. */
export { membershipChange, type Placement } from './memberships/membership-change';

/**
 * Path helpers for queries in other domains: `subtreePattern(unit.path)` for
 * `path LIKE ?` (index-backed), `isWithin` and `idsOnPath` in memory.
 */
export { idsOnPath, isWithin, MAX_TREE_DEPTH, subtreePattern } from './tree/tree-path';

/** Why organizations refused something. */
export { OrganizationError, type OrganizationErrorCode } from './organization-error';

/** Staff import state, as the report route shows it. */
export {
  STAFF_IMPORT_STATUSES,
  StaffImport,
  type StaffImportStatus,
} from './staff-import/staff-import.entity';
/** The staff CSV's columns. */
export { STAFF_CSV_COLUMNS } from './staff-import/staff-csv';
/** The staff import job itself (tests and benchmarks call it directly). */
export { ImportStaffJob, type ImportStaffOutcome } from './staff-import/import-staff.job';
/** Accepting a staff CSV: store, create the import, record the outbox event. */
export { RequestStaffImportService } from './staff-import/request-staff-import.service';
