import { AuditLog } from '@lifelong/audit';
import { Clock } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy.service';
import type { Principal } from '../auth/auth-decision';
import { IdentityError } from '../identity-error';
import { ACCOUNT_MANAGERS } from '../policies';
import { SessionsService } from '../sessions/sessions.service';
import type { UserProfile } from '../users/user-profile';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccountStatuses } from './account-status.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { PersonPlacements } from './person-placements';

/**
 * Inviting, deactivating and reactivating people, by those whose scope holds them. Each change
 * is one transaction that writes its audit entry (who and from where: the request context).
 */
@Injectable()
export class AccountAdministration {
  private readonly logger = new Logger(AccountAdministration.name);
  private placements?: PersonPlacements;

  constructor(
    private readonly users: UsersRepository,
    private readonly statuses: AccountStatuses,
    private readonly tokens: AccountTokensRepository,
    private readonly sessions: SessionsService,
    private readonly policy: AccessPolicy,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Emails the person a new invitation; earlier ones stop working. 409 `ACCOUNT_ALREADY_ACTIVE`
   * when they can already sign in, 403 `ACCOUNT_DEACTIVATED` when switched off.
   */
  async invite(actor: Principal, userId: string): Promise<void> {
    await this.assertMayManage(actor, userId);
    await this.users.transaction(async (manager) => {
      await this.lock(manager, userId);
      const status = await this.statuses.one(userId, manager);
      if (status === 'deactivated') throw IdentityError.deactivated();
      if (status === 'active')
        throw new IdentityError('ACCOUNT_ALREADY_ACTIVE', 'This person can already sign in');
      await this.tokens.issue(manager, [userId], 'invitation', actor.userId);
    });
    this.logger.log(`user ${actor.userId} invited user ${userId}`);
  }

  /**
   * Switches the account off: it cannot sign in, every session ends at once (access tokens
   * included), its links stop working; its records stay. Doing it again changes nothing.
   */
  async deactivate(actor: Principal, userId: string): Promise<UserProfile> {
    if (actor.userId === userId)
      throw IdentityError.forbidden('You cannot deactivate your own account');
    await this.assertMayManage(actor, userId);
    await this.users.transaction(async (manager) => {
      const user = await this.lock(manager, userId);
      if (user.deactivatedAt !== null) return;
      await this.users.setDeactivatedAt(manager, userId, this.clock.now());
      await this.sessions.endAll(manager, userId);
      await this.tokens.revokeAll(manager, userId);
      await this.audit.record(manager, {
        action: 'account.deactivated',
        subjectType: 'user',
        subjectId: userId,
        place: { userId },
      });
    });
    this.logger.log(`user ${actor.userId} deactivated user ${userId}`);
    return this.profile(userId);
  }

  /** Switches the account on again; sessions ended by the deactivation stay ended. */
  async reactivate(actor: Principal, userId: string): Promise<UserProfile> {
    await this.assertMayManage(actor, userId);
    await this.users.transaction(async (manager) => {
      const user = await this.lock(manager, userId);
      if (user.deactivatedAt === null) return;
      await this.users.setDeactivatedAt(manager, userId, null);
      await this.audit.record(manager, {
        action: 'account.reactivated',
        subjectType: 'user',
        subjectId: userId,
        place: { userId },
      });
    });
    this.logger.log(`user ${actor.userId} reactivated user ${userId}`);
    return this.profile(userId);
  }

  /**
   * 404 `USER_NOT_FOUND` for an unknown person; 403 `FORBIDDEN` unless the actor is a platform
   * admin or holds an admin or org-manager grant whose scope holds one of the person's places.
   */
  async assertMayManage(actor: Principal, userId: string): Promise<void> {
    if (!(await this.users.userExists(userId)))
      throw new IdentityError('USER_NOT_FOUND', 'No user has this id');
    const reach = this.policy.reach(actor, ACCOUNT_MANAGERS);
    if (reach.everywhere) return;
    const places = reach.scopes.length > 0 ? await this.placementsOf(userId) : [];
    for (const place of places)
      if (await this.policy.covers(actor, ACCOUNT_MANAGERS, place)) return;
    throw IdentityError.forbidden('This person is outside the units you manage');
  }

  private async placementsOf(userId: string) {
    this.placements ??= this.moduleRef.get(PersonPlacements, { strict: false });
    return this.placements.placesOf(userId);
  }

  private async lock(
    manager: EntityManager,
    userId: string,
  ): Promise<Pick<User, 'id' | 'deactivatedAt'>> {
    const user = await this.users.lockAccount(manager, userId);
    if (!user) throw new IdentityError('USER_NOT_FOUND', 'No user has this id');
    return user;
  }

  private async profile(userId: string): Promise<UserProfile> {
    const profile = await this.users.findProfile(userId);
    if (!profile) throw new IdentityError('USER_NOT_FOUND', 'No user has this id');
    return profile;
  }
}
