import type { components } from '../api/schema';

type RoleName = components['schemas']['UserRoleDto']['role'];

/** Who authors courses, and who approves them (the api checks the same, and the scopes). */
export const AUTHOR_ROLES: RoleName[] = ['instructor', 'facility_admin', 'admin'];
export const APPROVER_ROLES: RoleName[] = ['facility_admin', 'admin'];
