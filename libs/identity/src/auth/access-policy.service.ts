import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { IdentityError } from '../identity-error';
import type { Principal, Role } from './auth-decision';
import { roleReach, type RoleReach } from './role-checks';
import { type Scope, ScopeHierarchy } from './scope';

/**
 * Scope checks for every domain: may this caller act in one of these roles on a resource that
 * lives in `target`? A grant covers its scope's subtree; an unscoped `admin` covers everything.
 *
 * The {@link ScopeHierarchy} is bound by organizations in a global module. It is looked up on
 * first use rather than injected, so a process that makes no scope checks (the migrate command)
 * starts without organizations; a check without a binding throws (refused, never allowed). The
 * api checks the binding at start (IdentityHttpModule).
 */
@Injectable()
export class AccessPolicy {
  private hierarchy?: ScopeHierarchy;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** Where `principal` may act in one of `roles` (see {@link RoleReach}). */
  reach(principal: Principal, roles: readonly Role[]): RoleReach {
    return roleReach(principal, roles);
  }

  /** True when the caller holds one of `roles` (or is an unscoped admin) with a scope covering `target`. */
  async covers(principal: Principal, roles: readonly Role[], target: Scope): Promise<boolean> {
    const reach = this.reach(principal, roles);
    if (reach.everywhere) return true;
    for (const scope of reach.scopes) if (await this.scopes().covers(scope, target)) return true;
    return false;
  }

  /** Throws 403 `FORBIDDEN` unless {@link AccessPolicy.covers} holds. */
  async assertCovers(principal: Principal, roles: readonly Role[], target: Scope): Promise<void> {
    if (!(await this.covers(principal, roles, target)))
      throw IdentityError.forbidden(
        `You hold no ${roles.join(' or ')} role covering this ${target.scopeType}`,
      );
  }

  /** The bound scope trees; throws when organizations has not bound them. */
  scopes(): ScopeHierarchy {
    if (this.hierarchy) return this.hierarchy;
    try {
      this.hierarchy = this.moduleRef.get(ScopeHierarchy, { strict: false });
    } catch {
      throw new Error(
        'No ScopeHierarchy is bound: a @Global() module (organizations) must provide ScopeHierarchy',
      );
    }
    return this.hierarchy;
  }
}
