import type { Role } from '@lifelong/identity';

// Who may do what with mandated training. Controllers require these roles
// (`@RequireRoles(...X)`) and services check the same constants against the org unit, so each
// list is written once.

/** Who may set requirements: an admin, or an org manager covering the target unit. */
export const REQUIREMENT_SETTERS: readonly Role[] = ['admin', 'org_manager'];
/**
 * Who reads a unit's requirements, compliance and snapshots: org managers and supervisors
 * within scope, admins everywhere.
 */
export const REPORT_READERS: readonly Role[] = ['admin', 'org_manager', 'supervisor'];
/** Who takes a unit's compliance snapshot (its record for a period): admins and its org managers. */
export const SNAPSHOT_TAKERS: readonly Role[] = ['admin', 'org_manager'];
/** Who reads the training of a unit's staff person by person: admins and its org managers. */
export const STAFF_READERS: readonly Role[] = ['admin', 'org_manager'];
