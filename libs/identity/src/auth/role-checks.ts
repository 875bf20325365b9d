import type { Principal, Role, RoleGrant } from './auth-decision';
import type { Scope } from './scope';

type HasRoles = Pick<Principal, 'roles'>;

/** The grant's scope, or null for an unscoped grant. */
export function scopeOf(grant: RoleGrant): Scope | null {
  return grant.scopeType !== null && grant.scopeId !== null
    ? { scopeType: grant.scopeType, scopeId: grant.scopeId }
    : null;
}

/** An unscoped `admin`: the platform operator, allowed everything. */
export function isPlatformAdmin(principal: HasRoles): boolean {
  return principal.roles.some((grant) => grant.role === 'admin' && scopeOf(grant) === null);
}

/** Holds one of `roles` in any scope (or is a platform admin). Scope coverage is not checked. */
export function holdsAnyRole(principal: HasRoles, roles: readonly Role[]): boolean {
  return isPlatformAdmin(principal) || principal.roles.some((grant) => roles.includes(grant.role));
}

/**
 * Where a principal may act in one of some roles: everywhere (platform admin, or an unscoped
 * grant of one of the roles), or within the subtrees of the listed scopes (possibly none).
 */
export type RoleReach = { everywhere: true } | { everywhere: false; scopes: Scope[] };

/** The reach of `principal` for `roles`; lists use it to filter by the caller's scopes. */
export function roleReach(principal: HasRoles, roles: readonly Role[]): RoleReach {
  if (isPlatformAdmin(principal)) return { everywhere: true };
  const scopes: Scope[] = [];
  for (const grant of principal.roles) {
    if (!roles.includes(grant.role)) continue;
    const scope = scopeOf(grant);
    if (scope === null) return { everywhere: true };
    scopes.push(scope);
  }
  return { everywhere: false, scopes };
}
