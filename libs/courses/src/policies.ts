import type { Role } from '@lifelong/identity';

// Who may do what with courses. Controllers require these roles (`@RequireRoles(...X)`) and
// services check the same constants against the course's facility (CourseStaff), so each list
// is written once.

/** Who authors a facility's courses: its instructors and facility admins, and admins over it. */
export const AUTHOR_ROLES: readonly Role[] = ['instructor', 'facility_admin', 'admin'];
/** Who approves publishing at a facility (and sets its review policy). */
export const APPROVER_ROLES: readonly Role[] = ['facility_admin', 'admin'];
