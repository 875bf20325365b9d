import type { Role } from '@lifelong/identity';

// Who may do what in administration. Controllers require these roles (`@RequireRoles(...X)`)
// and services check the same constants against the reader's places, so each list is written
// once.

/** Who may search users: admins (any scope) and org managers, each within their scopes. */
export const DIRECTORY_READERS: readonly Role[] = ['admin', 'org_manager'];
/** Who may read the audit log: admins and supervisors, each within their scopes. */
export const AUDIT_READERS: readonly Role[] = ['admin', 'supervisor'];
