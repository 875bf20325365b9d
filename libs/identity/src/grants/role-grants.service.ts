import { type AuditPlace, AuditLog } from '@lifelong/audit';
import { Injectable, Logger } from '@nestjs/common';
import type { Principal, RoleGrant } from '../auth/auth-decision';
import { AccessPolicy } from '../auth/access-policy.service';
import { scopeOf } from '../auth/role-checks';
import { IdentityError } from '../identity-error';
import type { UserProfile } from '../users/user-profile';
import { UsersRepository } from '../users/users.repository';
import { mayGrant, type RequestedGrant, roleScopeProblems, toRoleGrant } from './grant-rule';

/** Granting and revoking roles, within the granter's own scopes. */
@Injectable()
export class RoleGrantsService {
  private readonly logger = new Logger(RoleGrantsService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Grants a role to a user and returns the user. Granting a role the user already holds
   * changes nothing. 400 for a malformed or non-existent scope, 403 outside the granter's
   * authority, 404 for an unknown user.
   */
  async grant(granter: Principal, userId: string, requested: RequestedGrant): Promise<UserProfile> {
    const grant = validGrant(requested);
    const scopeProblems = roleScopeProblems(grant);
    if (Object.keys(scopeProblems).length) throw IdentityError.invalid(scopeProblems);
    const scope = scopeOf(grant);
    if (scope && !(await this.policy.scopes().exists(scope)))
      throw IdentityError.invalid({ scopeId: [`no ${scope.scopeType} has this id`] });
    await this.assertAuthority(granter, grant);
    await this.assertUserExists(userId);
    await this.users.transaction(async (manager) => {
      if (!(await this.users.insertNewGrant(manager, userId, grant, granter.userId))) return;
      await this.audit.record(manager, {
        action: 'role.granted',
        subjectType: 'user',
        subjectId: userId,
        details: { ...grant },
        place: placeOf(userId, grant),
      });
    });
    this.logger.log(`user ${granter.userId} granted ${describe(grant)} to user ${userId}`);
    const profile = await this.users.findProfile(userId);
    if (!profile) throw userNotFound();
    return profile;
  }

  /** Revokes a role; revoking one the user does not hold changes nothing. Same authority as granting. */
  async revoke(granter: Principal, userId: string, requested: RequestedGrant): Promise<void> {
    const grant = validGrant(requested);
    await this.assertAuthority(granter, grant);
    await this.assertUserExists(userId);
    await this.users.transaction(async (manager) => {
      if (!(await this.users.deleteGrant(manager, userId, grant))) return;
      await this.audit.record(manager, {
        action: 'role.revoked',
        subjectType: 'user',
        subjectId: userId,
        details: { ...grant },
        place: placeOf(userId, grant),
      });
    });
    this.logger.log(`user ${granter.userId} revoked ${describe(grant)} from user ${userId}`);
  }

  /**
   * Grants a role with no authority check, for trusted callers inside the platform (bootstrap,
   * imports, demo data). Idempotent.
   */
  async assign(userId: string, grant: RoleGrant): Promise<void> {
    await this.users.transaction(async (manager) => {
      await this.users.insertGrant(manager, userId, grant, null);
    });
  }

  private async assertAuthority(granter: Principal, grant: RoleGrant): Promise<void> {
    const scope = scopeOf(grant);
    // Only an unscoped admin may touch unscoped grants; the trees are consulted only for scopes.
    const hierarchy = scope ? this.policy.scopes() : { covers: () => Promise.resolve(false) };
    if (!(await mayGrant(granter.roles, grant, hierarchy)))
      throw IdentityError.forbidden(`You may not grant or revoke ${describe(grant)}`);
  }

  private async assertUserExists(userId: string): Promise<void> {
    if (!(await this.users.userExists(userId))) throw userNotFound();
  }
}

function validGrant(requested: RequestedGrant): RoleGrant {
  const checked = toRoleGrant(requested);
  if ('problems' in checked) throw IdentityError.invalid(checked.problems);
  return checked.grant;
}

/**
 * Where a grant's audit entry belongs: the scope granted in, and the person's own unit (so their
 * org managers and the supervisors of the scope both see it).
 */
function placeOf(userId: string, grant: RoleGrant): AuditPlace {
  return {
    userId,
    facilityId: grant.scopeType === 'facility' ? grant.scopeId : null,
    adminUnitId: grant.scopeType === 'admin_unit' ? grant.scopeId : null,
    orgUnitId: grant.scopeType === 'org_unit' ? grant.scopeId : null,
  };
}

const describe = (grant: RoleGrant): string =>
  grant.scopeType
    ? `${grant.role} at ${grant.scopeType} ${grant.scopeId}`
    : `unscoped ${grant.role}`;

const userNotFound = (): IdentityError =>
  new IdentityError('USER_NOT_FOUND', 'No user has this id');
