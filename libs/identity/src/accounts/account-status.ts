import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Where an account stands (api.md, Accounts). */
export const ACCOUNT_STATUSES = ['uninvited', 'invited', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * What "can sign in on their own" means, for the account aliased `u`: a password. Single sign-on
 * adds "or a linked identity" here, and every status everywhere follows.
 */
const HAS_CREDENTIAL = (u: string): string => `${u}.\`password_hash\` IS NOT NULL`;

/**
 * The status of the account aliased `u`, as one SQL expression (for lists that select or filter
 * by it): deactivated first, then active (can sign in), invited (an invitation was sent and
 * never accepted), else uninvited.
 */
export function accountStatusSql(u: string): string {
  return `CASE WHEN ${u}.\`deactivated_at\` IS NOT NULL THEN 'deactivated'
    WHEN ${HAS_CREDENTIAL(u)} THEN 'active'
    WHEN EXISTS (SELECT 1 FROM \`account_tokens\` i WHERE i.\`user_id\` = ${u}.\`id\` AND i.\`purpose\` = 'invitation') THEN 'invited'
    ELSE 'uninvited' END`;
}

/** Account statuses, one or many at a time (one query, on primary keys and an index). */
@Injectable()
export class AccountStatuses {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The status of each of these users; unknown ids are absent from the map. */
  async of(
    userIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, AccountStatus>> {
    if (userIds.length === 0) return new Map();
    const rows = await (manager ?? this.dataSource.manager).query<
      { id: string; status: AccountStatus }[]
    >(
      `SELECT u.\`id\`, ${accountStatusSql('u')} AS status FROM \`users\` u WHERE u.\`id\` IN (?)`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** The status of one user, or null when there is no such user. */
  async one(userId: string, manager?: EntityManager): Promise<AccountStatus | null> {
    return (await this.of([userId], manager)).get(userId) ?? null;
  }
}
