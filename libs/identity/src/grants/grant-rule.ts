import type { Role, RoleGrant, ScopeType } from '../auth/auth-decision';
import { isPlatformAdmin, scopeOf } from '../auth/role-checks';
import type { Scope, ScopeHierarchy } from '../auth/scope';

/**
 * The scopes each role may be granted in (`null` = unscoped). An unscoped grant reaches
 * everywhere, so only roles that make sense nationwide may be unscoped.
 */
export const SCOPE_TYPES_BY_ROLE: Readonly<Record<Role, readonly (ScopeType | null)[]>> = {
  learner: [null],
  instructor: ['facility'],
  facility_admin: ['facility'],
  org_manager: ['org_unit'],
  supervisor: ['admin_unit', null],
  admin: [null, 'admin_unit', 'facility', 'org_unit'],
};

/** A grant as a client sends it: scope fields may be missing. */
export interface RequestedGrant {
  role: Role;
  scopeType?: ScopeType | null;
  scopeId?: string | null;
}

/**
 * Checks that scopeType and scopeId come together (both or neither); returns the grant with
 * nulls for an unscoped one, or the problems per field.
 */
export function toRoleGrant(
  requested: RequestedGrant,
): { grant: RoleGrant } | { problems: Record<string, string[]> } {
  const scopeType = requested.scopeType ?? null;
  const scopeId = requested.scopeId ?? null;
  if (scopeType === null && scopeId !== null)
    return { problems: { scopeType: ['scopeType is required when scopeId is given'] } };
  if (scopeType !== null && scopeId === null)
    return { problems: { scopeId: ['scopeId is required when scopeType is given'] } };
  return { grant: { role: requested.role, scopeType, scopeId } };
}

/** Problems with granting this role in this kind of scope; empty when it fits. */
export function roleScopeProblems(grant: RoleGrant): Record<string, string[]> {
  if (SCOPE_TYPES_BY_ROLE[grant.role].includes(grant.scopeType)) return {};
  const allowed = SCOPE_TYPES_BY_ROLE[grant.role].map((type) => type ?? 'unscoped').join(', ');
  return { scopeType: [`role ${grant.role} is granted ${allowed} only`] };
}

/**
 * What the granter's own grants allow for `target`: always, never, or when the target scope
 * lies within one of `ancestors` (decided by the scope hierarchy).
 */
export type GrantAuthority =
  { kind: 'always' } | { kind: 'never' } | { kind: 'within'; ancestors: Scope[] };

const sameScope = (a: Scope, b: Scope | null): boolean =>
  b !== null && a.scopeType === b.scopeType && a.scopeId === b.scopeId;

/**
 * Who may grant or revoke which role where:
 * - an unscoped `admin`: anything;
 * - an `admin` scoped to X: any role scoped inside X, never an unscoped one;
 * - a `facility_admin` of F: `instructor` or `facility_admin` at F;
 * - an `org_manager` of U: `org_manager` at U or inside it;
 * - nobody else.
 */
export function grantAuthority(granter: readonly RoleGrant[], target: RoleGrant): GrantAuthority {
  if (isPlatformAdmin({ roles: [...granter] })) return { kind: 'always' };
  const targetScope = scopeOf(target);
  if (targetScope === null) return { kind: 'never' };
  const ancestors: Scope[] = [];
  for (const grant of granter) {
    const scope = scopeOf(grant);
    if (scope === null) continue;
    switch (grant.role) {
      case 'admin':
        ancestors.push(scope);
        break;
      case 'facility_admin':
        if (['instructor', 'facility_admin'].includes(target.role) && sameScope(scope, targetScope))
          return { kind: 'always' };
        break;
      case 'org_manager':
        if (target.role === 'org_manager' && targetScope.scopeType === 'org_unit')
          ancestors.push(scope);
        break;
      case 'learner':
      case 'instructor':
      case 'supervisor':
        break;
    }
  }
  return ancestors.length > 0 ? { kind: 'within', ancestors } : { kind: 'never' };
}

/** {@link grantAuthority} resolved against the scope trees. */
export async function mayGrant(
  granter: readonly RoleGrant[],
  target: RoleGrant,
  hierarchy: Pick<ScopeHierarchy, 'covers'>,
): Promise<boolean> {
  const authority = grantAuthority(granter, target);
  const targetScope = scopeOf(target);
  if (authority.kind !== 'within' || targetScope === null) return authority.kind === 'always';
  for (const ancestor of authority.ancestors)
    if (await hierarchy.covers(ancestor, targetScope)) return true;
  return false;
}
