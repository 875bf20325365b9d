import type { Role } from '@lifelong/identity';

// Who may do what with the organization tree. Controllers require these roles
// (`@RequireRoles(...X)`) and services check the same constants against the unit concerned, so
// each list is written once.

/** Who adds administrative units and facilities: admins over the parent unit. */
export const STRUCTURE_EDITORS: readonly Role[] = ['admin'];
/** Who adds org units, places and moves their members and imports staff into them. */
export const STAFF_MANAGERS: readonly Role[] = ['admin', 'org_manager'];
/**
 * Who reads one org unit (its name and place): those who manage it, and supervisors, who read
 * its training reports (an unscoped supervisor reads every unit).
 */
export const UNIT_READERS: readonly Role[] = ['admin', 'org_manager', 'supervisor'];
/** Who sees every staff import, not only their own: admins everywhere. */
export const IMPORT_OVERSEERS: readonly Role[] = ['admin'];
