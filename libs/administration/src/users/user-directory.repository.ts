import { type PageQuery, pageOffset, searchQuery } from '@lifelong/common';
import { type AccountStatus, personStatusSql, type Role } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReaderPlaces } from '../reader-places.service';

/** The filters of `GET /admin/users`, already checked. */
export interface DirectoryFilter {
  q?: string;
  /** `subtreePattern` of the unit to filter by (its whole subtree). */
  orgUnitPattern?: string;
  role?: Role;
  status?: AccountStatus;
  /** One person (the user page). */
  userId?: string;
}

/** One person's row as the directory lists it, before their roles. */
export interface DirectoryRow {
  id: string;
  email: string;
  fullName: string;
  status: AccountStatus;
  employeeCode: string | null;
  orgUnitId: string | null;
  /** The current unit's path, to check a reader's coverage in memory. */
  orgUnitPath: string | null;
}

/** One grant as stored (the scope type unchecked). */
export interface GrantRow {
  userId: string;
  role: Role;
  scopeType: string;
  scopeId: string;
}

/** A statement and its parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * The user directory's queries, over the read models identity (`people_view`,
 * `user_roles_view`) and organizations (`memberships_view`, `org_units_view`,
 * `staff_profiles_view`, `admin_units_view`, `facilities_view`) publish: one SQL page and one
 * roles query per page, no N+1.
 */
@Injectable()
export class UserDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The page of people and how many match in all; null statements find nobody. */
  async page(statements: {
    items: SqlStatement;
    count: SqlStatement;
  }): Promise<{ rows: DirectoryRow[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<DirectoryRow[]>(statements.items.sql, statements.items.params),
      this.dataSource.query<{ total: string | number }[]>(
        statements.count.sql,
        statements.count.params,
      ),
    ]);
    return { rows, total: Number(count?.total ?? 0) };
  }

  /** These people's grants, in role then scope order (index on `user_id`). */
  async grantsOf(userIds: readonly string[]): Promise<GrantRow[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query<GrantRow[]>(
      'SELECT `user_id` AS userId, `role`, `scope_type` AS scopeType, `scope_id` AS scopeId FROM `user_roles_view` WHERE `user_id` IN (?) ORDER BY `role`, `scope_type`, `scope_id`',
      [userIds],
    );
  }
}

const FROM = `FROM \`people_view\` u
  LEFT JOIN \`memberships_view\` m ON m.\`current_user_id\` = u.\`id\`
  LEFT JOIN \`org_units_view\` o ON o.\`id\` = m.\`org_unit_id\`
  LEFT JOIN \`staff_profiles_view\` p ON p.\`user_id\` = u.\`id\``;

/** Facilities (by id) inside an administrative subtree pattern. */
const FACILITIES_IN = `SELECT f.\`id\` FROM \`facilities_view\` f JOIN \`admin_units_view\` a ON a.\`id\` = f.\`admin_unit_id\` WHERE a.\`path\` LIKE ?`;

/**
 * The page and count statements the directory runs (exported for the query-plan test); null when
 * the reader's scopes cover nobody. `now` decides which invitations still count (the status).
 */
export function directoryStatements(
  filter: DirectoryFilter,
  places: ReaderPlaces,
  query: PageQuery,
  now: Date,
): { items: SqlStatement; count: SqlStatement } | null {
  const found = conditions(filter, places, now);
  if (found === null) return null;
  const { hits, where, params } = found;
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // The text matches are found once (a derived table from the two indexes), then joined by key.
  // With nothing to narrow by, a page is the first rows of the name index (`ix_users_name`): a
  // view takes no index hint, so the query-plan test checks the optimizer reads it in order.
  const from = hits
    ? FROM.replace(
        'FROM `people_view` u',
        `FROM (${hits.sql}) hit JOIN \`people_view\` u ON u.\`id\` = hit.\`id\``,
      )
    : FROM;
  const allParams = [...(hits?.params ?? []), ...params];
  return {
    items: {
      sql: `SELECT u.\`id\` AS id, u.\`email\` AS email, u.\`full_name\` AS fullName,
                ${personStatusSql('u', now)} AS status, p.\`employee_code\` AS employeeCode,
                m.\`org_unit_id\` AS orgUnitId, o.\`path\` AS orgUnitPath
           ${from} ${clause}
          ORDER BY u.\`full_name\`, u.\`id\` LIMIT ? OFFSET ?`,
      params: [...allParams, query.pageSize, pageOffset(query)],
    },
    count: { sql: `SELECT COUNT(*) AS total ${from} ${clause}`, params: allParams },
  };
}

/** The WHERE conditions; null when the reader's scopes cover nobody. */
function conditions(
  filter: DirectoryFilter,
  places: ReaderPlaces,
  now: Date,
): { hits: SqlStatement | null; where: string[]; params: unknown[] } | null {
  const where: string[] = [];
  const params: unknown[] = [];
  let hits: SqlStatement | null = null;
  if (filter.userId !== undefined) {
    where.push('u.`id` = ?');
    params.push(filter.userId);
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const text = searchQuery(filter.q);
    const code = filter.q.trim();
    // A name or email word by word, or the start of an employee code; each through its index.
    const branches = [
      'SELECT p2.`user_id` AS id FROM `staff_profiles_view` p2 WHERE p2.`employee_code` LIKE ?',
    ];
    const branchParams: unknown[] = [`${code.replace(/[\\%_]/g, '\\$&')}%`];
    if (text !== null) {
      branches.unshift(
        'SELECT u2.`id` FROM `people_view` u2 WHERE MATCH (u2.`search_text`) AGAINST (? IN BOOLEAN MODE)',
      );
      branchParams.unshift(text);
    }
    hits = { sql: branches.join(' UNION '), params: branchParams };
  }
  if (filter.orgUnitPattern !== undefined) {
    where.push('o.`path` LIKE ?');
    params.push(filter.orgUnitPattern);
  }
  if (filter.role !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM `user_roles_view` r WHERE r.`user_id` = u.`id` AND r.`role` = ?)',
    );
    params.push(filter.role);
  }
  if (filter.status !== undefined) {
    where.push(`${personStatusSql('u', now)} = ?`);
    params.push(filter.status);
  }
  if (!places.everywhere) {
    const visible: string[] = [];
    for (const pattern of places.orgUnitPatterns) {
      visible.push('o.`path` LIKE ?');
      params.push(pattern);
    }
    // People who hold a role at a facility or administrative unit inside the reader's scopes.
    if (places.facilityIds.length > 0) {
      visible.push(
        "EXISTS (SELECT 1 FROM `user_roles_view` r WHERE r.`user_id` = u.`id` AND r.`scope_type` = 'facility' AND r.`scope_id` IN (?))",
      );
      params.push(places.facilityIds);
    }
    for (const pattern of places.adminUnitPatterns) {
      visible.push(
        `EXISTS (SELECT 1 FROM \`user_roles_view\` r WHERE r.\`user_id\` = u.\`id\` AND (
           (r.\`scope_type\` = 'admin_unit' AND r.\`scope_id\` IN (SELECT a.\`id\` FROM \`admin_units_view\` a WHERE a.\`path\` LIKE ?))
           OR (r.\`scope_type\` = 'facility' AND r.\`scope_id\` IN (${FACILITIES_IN}))))`,
      );
      params.push(pattern, pattern);
    }
    if (visible.length === 0) return null;
    where.push(`(${visible.join(' OR ')})`);
  }
  return { hits, where, params };
}
