import type { Role } from '@lifelong/identity';

// Who may manage the Learning Record Store. Controllers require these roles
// (`@RequireRoles(...X)`) and services check the same constants, so each list is written once.

/** Who issues, lists and revokes LRS client credentials: platform administrators (unscoped). */
export const LRS_ADMINISTRATORS: readonly Role[] = ['admin'];
