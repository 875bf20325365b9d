import type { Role } from './auth/auth-decision';

// Who may do what with people's accounts and roles. Controllers require these roles
// (`@RequireRoles(...X)`) and services check the same constants against the person's place, so
// each list is written once.

/** Who manages people's accounts: admins (platform or scoped) and org managers. */
export const ACCOUNT_MANAGERS: readonly Role[] = ['admin', 'org_manager'];
/** Roles that may grant at all; the grant rules say what each may grant where. */
export const GRANTERS: readonly Role[] = ['admin', 'facility_admin', 'org_manager'];
