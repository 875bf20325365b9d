import { APPROVER_ROLES } from '@lifelong/courses';
import type { Role } from '@lifelong/identity';

// Who may do what on television. Controllers require these roles (`@RequireRoles(...X)`) and
// services check the same constants against the facility concerned, so each list is written
// once. Broadcasts, checks and attendance belong to a course's staff: courses' AUTHOR_ROLES.

/** Who creates a facility's channel: whoever approves its courses (ChannelAccess). */
export const CHANNEL_CREATORS: readonly Role[] = APPROVER_ROLES;
/** Who sees every schedule import, not only their own: admins everywhere. */
export const IMPORT_OVERSEERS: readonly Role[] = ['admin'];
