import { Clock } from '@lifelong/common';
import { sqlDateTime } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersRepository } from '../users/users.repository';

/** Where an account stands, as administrators and staff lists see it (api.md, Accounts). */
export const ACCOUNT_STATUSES = ['active', 'invited', 'uninvited', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * THE account status rule, as one SQL expression over the `users` row aliased `u`, so lists
 * select, filter and page by it in the database. Every status shown anywhere comes from here
 * (staff lists, the user directory, the user page, the invitation checks):
 * - `deactivated`: switched off, whatever else holds;
 * - `active`: can sign in on their own, with a password or an identity linked at a provider;
 * - `invited`: an invitation link that still works at `now` (not used, not replaced, not expired);
 * - `uninvited`: none of these (never invited, or the invitation lapsed).
 * `now` comes from the clock, so tests that move time see invitations lapse. Each branch is a
 * primary-key or indexed lookup (`ix_user_identities_user`, `ix_account_tokens_user`).
 */
export function accountStatusSql(u: string, now: Date): string {
  return statusSql(u, `${u}.\`password_hash\` IS NOT NULL`, now);
}

/** {@link accountStatusSql} over a `people_view` row aliased `p`, for other domains' lists. */
export function personStatusSql(p: string, now: Date): string {
  return statusSql(p, `${p}.\`has_password\``, now);
}

function statusSql(u: string, hasPassword: string, now: Date): string {
  return `(CASE WHEN ${u}.\`deactivated_at\` IS NOT NULL THEN 'deactivated'
    WHEN ${hasPassword}
      OR EXISTS (SELECT 1 FROM \`user_identities\` ui WHERE ui.\`user_id\` = ${u}.\`id\`) THEN 'active'
    WHEN EXISTS (SELECT 1 FROM \`account_tokens\` i WHERE i.\`user_id\` = ${u}.\`id\`
      AND i.\`purpose\` = 'invitation' AND i.\`used_at\` IS NULL AND i.\`revoked_at\` IS NULL
      AND i.\`expires_at\` > '${sqlDateTime(now)}') THEN 'invited'
    ELSE 'uninvited' END)`;
}

/** Account statuses, one or many at a time (one query, on primary keys and indexes). */
@Injectable()
export class AccountStatuses {
  constructor(
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /** The status of each of these users; unknown ids are absent from the map. */
  async of(
    userIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, AccountStatus>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.users.accountStatuses<AccountStatus>(
      [...new Set(userIds)],
      accountStatusSql('u', this.clock.now()),
      manager,
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** The status of one user, or null when there is no such user. */
  async one(userId: string, manager?: EntityManager): Promise<AccountStatus | null> {
    return (await this.of([userId], manager)).get(userId) ?? null;
  }
}
