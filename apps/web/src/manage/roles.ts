import type { components } from '../api/schema';

type RoleName = components['schemas']['UserRoleDto']['role'];
type Grant = components['schemas']['UserRoleDto'];

/** Who opens the training-management area (the api checks the same roles, and the scopes). */
export const MANAGE_ROLES: RoleName[] = ['admin', 'org_manager', 'supervisor'];
/** Who reads their units' staff person by person, imports staff lists and sets requirements. */
export const STAFF_MANAGERS: RoleName[] = ['admin', 'org_manager'];
/** Who decides on facilities' yearly reports in their area (the api checks the scopes). */
export const REPORT_DECIDERS: RoleName[] = ['admin', 'supervisor'];
/** Who plans and records inspections in their area (the api checks the scopes). */
export const INSPECTORS: RoleName[] = ['admin', 'supervisor'];
/** Who reads their unit's published inspections and closes its follow-up actions. */
export const INSPECTED: RoleName[] = ['facility_admin', 'org_manager'];
/** Who changes things there (takes snapshots); supervisors read only. */
export const MANAGE_WRITERS: RoleName[] = ['admin', 'org_manager'];

/**
 * The org unit a page opens on when none is asked for: the first org unit the person reads
 * reports of (an org manager's unit, or an admin's scoped to one). Unscoped grants and
 * administrative-unit grants name no org unit.
 */
export function homeOrgUnit(grants: readonly Grant[]): string | undefined {
  return (
    grants.find((grant) => MANAGE_ROLES.includes(grant.role) && grant.scopeType === 'org_unit')
      ?.scopeId ?? undefined
  );
}

/**
 * Where the programme's figures open for this person: the administrative unit of a supervisor's
 * (or an admin's) grant scoped to one, else the whole country.
 */
export function figuresPath(grants: readonly Grant[]): string {
  const area = grants.find(
    (grant) => MANAGE_ROLES.includes(grant.role) && grant.scopeType === 'admin_unit',
  )?.scopeId;
  return area ? `/figures?adminUnitId=${encodeURIComponent(area)}` : '/figures';
}
