import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal, Role, ScopeType } from '../auth/auth-decision';
import { type Contact, UsersRepository } from './users.repository';

/**
 * What other domains may know of people without reading the identity tables: who exists, how to
 * write to them, where they hold a facility role, who holds a role at a scope, and a person's
 * grants as a Principal (for work done on their behalf outside a request, such as a schedule
 * import in the worker).
 */
@Injectable()
export class UserLookup {
  constructor(private readonly users: UsersRepository) {}

  /** The ones among `userIds` that exist. */
  async existing(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(await this.users.existingIds(userIds));
  }

  /** Email, name and language of each of `userIds` that exists (deleted accounts are absent). */
  contacts(userIds: readonly string[]): Promise<Contact[]> {
    return this.users.contacts(userIds);
  }

  /** Each person's facilities (where a grant of theirs is scoped), for those who have any. */
  async facilitiesOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const facilities = new Map<string, string[]>();
    for (const { userId, facilityId } of await this.users.facilityScopes(userIds))
      facilities.set(userId, [...(facilities.get(userId) ?? []), facilityId]);
    return facilities;
  }

  /**
   * Who holds `role` at each of these scopes (org managers of units, say); `manager` reads in
   * the caller's transaction.
   */
  holdersOf(
    role: Role,
    scopeType: ScopeType,
    scopeIds: readonly string[],
    manager?: EntityManager,
  ): Promise<{ userId: string; scopeId: string }[]> {
    return this.users.roleHolders(role, scopeType, scopeIds, manager);
  }

  /** The person with their grants; one with no roles when there is no such user. */
  async principalOf(userId: string): Promise<Principal> {
    const profile = await this.users.findProfile(userId);
    return { userId, email: profile?.email ?? '', roles: profile?.roles ?? [] };
  }
}
