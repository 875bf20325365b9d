import { newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { type Role, type RoleGrant, SCOPE_TYPES, type ScopeType } from '../auth/auth-decision';
import type { UserProfile } from './user-profile';
import { User } from './user.entity';
import { UserRole } from './user-role.entity';
import { userSearchText } from './user-search';

/** Where and how a person is written to: their email, name and language. */
export interface Contact {
  userId: string;
  email: string;
  fullName: string;
  locale: string;
}

interface ProfileRow {
  id: string;
  email: string;
  full_name: string;
  locale: string;
  time_zone: string;
  role: Role | null;
  scope_type: string | null;
  scope_id: string | null;
}

const toScopeType = (stored: string): ScopeType | null =>
  (SCOPE_TYPES as readonly string[]).includes(stored) ? (stored as ScopeType) : null;

const toGrant = (row: ProfileRow & { role: Role }): RoleGrant => {
  const scopeType = toScopeType(row.scope_type ?? '');
  return { role: row.role, scopeType, scopeId: scopeType === null ? null : row.scope_id };
};

/** The rows of one user joined with their grants (at least one row) as a profile. */
function toProfile(rows: readonly ProfileRow[]): UserProfile {
  const first = rows[0]!;
  return {
    id: first.id,
    email: first.email,
    fullName: first.full_name,
    locale: first.locale,
    timeZone: first.time_zone,
    roles: rows.filter((row): row is ProfileRow & { role: Role } => row.role !== null).map(toGrant),
  };
}

/** A new account's fields, already normalized and hashed. */
export interface NewUser {
  email: string;
  fullName: string;
  passwordHash: string | null;
}

/** What a person may change about themselves (PATCH /me). */
export interface ProfileChanges {
  fullName?: string;
  locale?: string;
  timeZone?: string;
}

/** Queries on users and their role grants. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The user with their roles, in one index-backed query (primary key of `users`, then the
   * `user_roles` key range that starts with `user_id`); null when there is no such user.
   */
  async findProfile(userId: string, manager?: EntityManager): Promise<UserProfile | null> {
    const rows = await (manager ?? this.dataSource.manager).query<ProfileRow[]>(
      `SELECT u.id, u.email, u.full_name, u.locale, u.time_zone, r.role, r.scope_type, r.scope_id
         FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
        WHERE u.id = ?
        ORDER BY r.role, r.scope_type, r.scope_id`,
      [userId],
    );
    return rows.length > 0 ? toProfile(rows) : null;
  }

  /**
   * For the check of every access token, in one query: the profile, whether the account is
   * deactivated, and whether the session `sessionId` (when given) is still going.
   */
  async findAccessHolder(
    userId: string,
    sessionId: string | null,
  ): Promise<{ profile: UserProfile; deactivated: boolean; sessionLive: boolean } | null> {
    const rows = await this.dataSource.query<
      (ProfileRow & { deactivated: number | string; session_live: number | string | null })[]
    >(
      `SELECT u.id, u.email, u.full_name, u.locale, u.time_zone, r.role, r.scope_type, r.scope_id,
              u.deactivated_at IS NOT NULL AS deactivated,
              (SELECT s.ended_at IS NULL FROM sessions s WHERE s.id = ? AND s.user_id = u.id) AS session_live
         FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
        WHERE u.id = ?
        ORDER BY r.role, r.scope_type, r.scope_id`,
      [sessionId, userId],
    );
    const first = rows[0];
    if (!first) return null;
    return {
      profile: toProfile(rows),
      deactivated: Number(first.deactivated) === 1,
      sessionLive: Number(first.session_live) === 1,
    };
  }

  /** How to write to each of `userIds` that exists (primary key). */
  async contacts(userIds: readonly string[]): Promise<Contact[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query<Contact[]>(
      'SELECT `id` AS userId, `email`, `full_name` AS fullName, `locale` FROM `users` WHERE `id` IN (?)',
      [userIds],
    );
  }

  /**
   * Each existing user of `userIds` with their account status, `statusSql` being the status
   * rule over the `users` row aliased `u` (see `accountStatusSql`).
   */
  accountStatuses<Status extends string>(
    userIds: readonly string[],
    statusSql: string,
    manager?: EntityManager,
  ): Promise<{ id: string; status: Status }[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT u.\`id\`, ${statusSql} AS status FROM \`users\` u WHERE u.\`id\` IN (?)`,
      [userIds],
    );
  }

  /** Which of `userIds` exist (primary key). */
  async existingIds(userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT `id` FROM `users` WHERE `id` IN (?)',
      [userIds],
    );
    return rows.map((row) => row.id);
  }

  /** The facilities each of `userIds` holds a role at (their grants scoped to a facility). */
  async facilityScopes(
    userIds: readonly string[],
  ): Promise<{ userId: string; facilityId: string }[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.query<{ user_id: string; scope_id: string }[]>(
      "SELECT `user_id`, `scope_id` FROM `user_roles` WHERE `scope_type` = 'facility' AND `user_id` IN (?)",
      [userIds],
    );
    return rows.map((row) => ({ userId: row.user_id, facilityId: row.scope_id }));
  }

  /** Who holds `role` at each of `scopeIds` (of `scopeType`), by the grants' scope index. */
  async roleHolders(
    role: Role,
    scopeType: ScopeType,
    scopeIds: readonly string[],
    manager?: EntityManager,
  ): Promise<{ userId: string; scopeId: string }[]> {
    if (scopeIds.length === 0) return [];
    return (manager ?? this.dataSource.manager).query<{ userId: string; scopeId: string }[]>(
      'SELECT `user_id` AS userId, `scope_id` AS scopeId FROM `user_roles` ' +
        'WHERE `role` = ? AND `scope_type` = ? AND `scope_id` IN (?)',
      [role, scopeType, scopeIds],
    );
  }

  /** Sets the given profile fields (already checked and normalized); others stay as they are. */
  async updateProfile(userId: string, changes: ProfileChanges): Promise<void> {
    const fields = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as ProfileChanges;
    if (Object.keys(fields).length === 0) return;
    const users = this.dataSource.getRepository(User);
    if (fields.fullName === undefined) return void (await users.update({ id: userId }, fields));
    const fullName = fields.fullName;
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).findOne({
        where: { id: userId },
        select: { email: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) return;
      await manager
        .getRepository(User)
        .update({ id: userId }, { ...fields, searchText: userSearchText(fullName, user.email) });
    });
  }

  /** Id, password hash and deactivation of the account with this (normalized) email. */
  async findCredentials(
    email: string,
  ): Promise<Pick<User, 'id' | 'passwordHash' | 'deactivatedAt'> | null> {
    return this.dataSource
      .getRepository(User)
      .findOne({ where: { email }, select: { id: true, passwordHash: true, deactivatedAt: true } });
  }

  /** Id and deactivation of the account, or null when there is no such account. */
  findDeactivation(
    userId: string,
    manager?: EntityManager,
  ): Promise<Pick<User, 'id' | 'deactivatedAt'> | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(User)
      .findOne({ where: { id: userId }, select: { id: true, deactivatedAt: true } });
  }

  /** Locks the account row (`FOR UPDATE`); its id and deactivation, or null when none. */
  lockAccount(
    manager: EntityManager,
    userId: string,
  ): Promise<Pick<User, 'id' | 'deactivatedAt'> | null> {
    return manager.getRepository(User).findOne({
      where: { id: userId },
      select: { id: true, deactivatedAt: true },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Switches the account off at `at`, or on again with null. */
  async setDeactivatedAt(manager: EntityManager, userId: string, at: Date | null): Promise<void> {
    await manager.getRepository(User).update({ id: userId }, { deactivatedAt: at });
  }

  async setPasswordHash(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
  ): Promise<void> {
    await manager.getRepository(User).update({ id: userId }, { passwordHash });
  }

  async emailTaken(email: string): Promise<boolean> {
    return this.dataSource.getRepository(User).exists({ where: { email } });
  }

  /** True when someone holds the unscoped `admin` role (all of them, or this user only). */
  async platformAdminExists(userId?: string): Promise<boolean> {
    return this.dataSource.getRepository(UserRole).exists({
      where: { role: 'admin', scopeType: '', scopeId: '', ...(userId ? { userId } : {}) },
    });
  }

  /**
   * Whether the account may sign in at all: the one check every sign-in path asks (password,
   * single sign-on). False for an unknown or deactivated account.
   */
  async maySignIn(userId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(User)
      .exists({ where: { id: userId, deactivatedAt: IsNull() } });
  }

  async userExists(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(User).exists({ where: { id: userId } });
  }

  /**
   * Inserts a user; returns null when the email is taken (also by a concurrent insert). The
   * duplicate is skipped by the database rather than raised, so no failed query (whose logged
   * parameters include the password hash) reaches the logs. IGNORE would also turn oversized
   * values into truncation, which cannot happen: every field is checked before.
   */
  async insertUser(manager: EntityManager, user: NewUser): Promise<string | null> {
    const id = newId();
    const result = await manager.query<{ affectedRows: number }>(
      'INSERT IGNORE INTO users (id, email, password_hash, full_name, search_text) VALUES (?, ?, ?, ?, ?)',
      [id, user.email, user.passwordHash, user.fullName, userSearchText(user.fullName, user.email)],
    );
    return result.affectedRows === 1 ? id : null;
  }

  /** Grants a role; granting one the user already holds changes nothing. */
  async insertGrant(
    manager: EntityManager,
    userId: string,
    grant: RoleGrant,
    grantedBy: string | null,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserRole)
      .values({ userId, ...storedScope(grant), role: grant.role, grantedBy })
      // A no-op update on the key (not INSERT IGNORE, which would also swallow a missing user).
      .orUpdate(['user_id'], ['user_id', 'role', 'scope_type', 'scope_id'])
      .execute();
  }

  /**
   * Grants a role to an existing user and tells whether it is new: false when the user already
   * held it, or does not exist. (The upsert of {@link insertGrant} cannot tell: the driver counts
   * a found row as affected.) Selecting the user makes IGNORE skip only the duplicate key.
   */
  async insertNewGrant(
    manager: EntityManager,
    userId: string,
    grant: RoleGrant,
    grantedBy: string,
  ): Promise<boolean> {
    const { scopeType, scopeId } = storedScope(grant);
    const result = await manager.query<{ affectedRows: number }>(
      'INSERT IGNORE INTO `user_roles` (`user_id`, `role`, `scope_type`, `scope_id`, `granted_by`) SELECT `id`, ?, ?, ?, ? FROM `users` WHERE `id` = ?',
      [grant.role, scopeType, scopeId, grantedBy, userId],
    );
    return result.affectedRows === 1;
  }

  /** Revokes a role; true when the user held it. */
  async deleteGrant(manager: EntityManager, userId: string, grant: RoleGrant): Promise<boolean> {
    const result = await manager
      .getRepository(UserRole)
      .delete({ userId, role: grant.role, ...storedScope(grant) });
    return (result.affected ?? 0) > 0;
  }

  /** Runs `work` in one transaction (at the server's isolation level unless told). */
  transaction<T>(
    work: (manager: EntityManager) => Promise<T>,
    isolation?: IsolationLevel,
  ): Promise<T> {
    return isolation
      ? this.dataSource.transaction(isolation, work)
      : this.dataSource.transaction(work);
  }
}

/** Unscoped grants are stored with '' scope columns (see {@link UserRole}). */
function storedScope(grant: RoleGrant): { scopeType: string; scopeId: string } {
  return { scopeType: grant.scopeType ?? '', scopeId: grant.scopeId ?? '' };
}
