import type { Role } from '@lifelong/identity';

// Who may do what with certificates. Controllers require these roles (`@RequireRoles(...X)`)
// and services check the same constants against the course's facility, so each list is
// written once.

/** Who may revoke a certificate of a facility's course. */
export const REVOKER_ROLES: readonly Role[] = ['facility_admin', 'admin'];
/** Who manages a facility's certificate templates. */
export const TEMPLATE_ROLES: readonly Role[] = ['facility_admin', 'admin'];
