import {
  Clock,
  type Page,
  type PageQuery,
  pageOffset,
  searchQuery,
  toPage,
} from '@lifelong/common';
import {
  type AccountStatus,
  accountStatusSql,
  type Role,
  type RoleGrant,
  SCOPE_TYPES,
  type ScopeType,
} from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReaderPlaces } from '../reader-places';

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

/** One person as administrators list them. */
export interface DirectoryEntry {
  id: string;
  email: string;
  fullName: string;
  status: AccountStatus;
  employeeCode: string | null;
  orgUnitId: string | null;
  /** The current unit's path, to check a reader's coverage in memory. */
  orgUnitPath: string | null;
  roles: RoleGrant[];
}

interface DirectoryRow {
  id: string;
  email: string;
  fullName: string;
  status: AccountStatus;
  employeeCode: string | null;
  orgUnitId: string | null;
  orgUnitPath: string | null;
}

interface GrantRow {
  userId: string;
  role: Role;
  scopeType: string;
  scopeId: string;
}

const FROM = `FROM \`users\` u
  LEFT JOIN \`memberships\` m ON m.\`current_user_id\` = u.\`id\`
  LEFT JOIN \`org_units\` o ON o.\`id\` = m.\`org_unit_id\`
  LEFT JOIN \`staff_profiles\` p ON p.\`user_id\` = u.\`id\``;

/** Facilities (by id) inside an administrative subtree pattern. */
const FACILITIES_IN = `SELECT f.\`id\` FROM \`facilities\` f JOIN \`admin_units\` a ON a.\`id\` = f.\`admin_unit_id\` WHERE a.\`path\` LIKE ?`;

/**
 * The user directory: a read model over identity's users and roles and organizations' staff
 * profiles and memberships, for administrators (one SQL page and one roles query per page, no
 * N+1). Text goes through the FULLTEXT index on `users.search_text` (folded like the catalogue)
 * or the employee-code index; the unit filter is a range of `ix_org_units_path`; the listing is
 * in name order.
 */
@Injectable()
export class UserDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async search(
    filter: DirectoryFilter,
    places: ReaderPlaces,
    query: PageQuery,
  ): Promise<Page<DirectoryEntry>> {
    const statements = directoryStatements(filter, places, query, this.clock.now());
    if (statements === null) return toPage([], 0, query);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<DirectoryRow[]>(statements.items.sql, statements.items.params),
      this.dataSource.query<{ total: string | number }[]>(
        statements.count.sql,
        statements.count.params,
      ),
    ]);
    const roles = await this.rolesOf(rows.map((row) => row.id));
    return toPage(
      rows.map((row) => ({ ...row, roles: roles.get(row.id) ?? [] })),
      Number(count?.total ?? 0),
      query,
    );
  }

  /** One person, if the reader may see them. */
  async find(userId: string, places: ReaderPlaces): Promise<DirectoryEntry | null> {
    const page = await this.search({ userId }, places, { page: 1, pageSize: 1 });
    return page.items[0] ?? null;
  }

  private async rolesOf(userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const byUser = new Map<string, RoleGrant[]>();
    if (userIds.length === 0) return byUser;
    const rows = await this.dataSource.query<GrantRow[]>(
      'SELECT `user_id` AS userId, `role`, `scope_type` AS scopeType, `scope_id` AS scopeId FROM `user_roles` WHERE `user_id` IN (?) ORDER BY `role`, `scope_type`, `scope_id`',
      [userIds],
    );
    for (const row of rows) {
      const scopeType = (SCOPE_TYPES as readonly string[]).includes(row.scopeType)
        ? (row.scopeType as ScopeType)
        : null;
      const grants = byUser.get(row.userId) ?? [];
      grants.push({ role: row.role, scopeType, scopeId: scopeType ? row.scopeId : null });
      byUser.set(row.userId, grants);
    }
    return byUser;
  }
}

/** A statement and its parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

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
  // With nothing to narrow by, a page is the first rows of the name index; the optimizers would
  // otherwise sort the whole table for 20 rows.
  const from = hits
    ? FROM.replace(
        'FROM `users` u',
        `FROM (${hits.sql}) hit JOIN \`users\` u ON u.\`id\` = hit.\`id\``,
      )
    : where.length === 0
      ? FROM.replace('FROM `users` u', 'FROM `users` u FORCE INDEX FOR ORDER BY (`ix_users_name`)')
      : FROM;
  const allParams = [...(hits?.params ?? []), ...params];
  return {
    items: {
      sql: `SELECT u.\`id\` AS id, u.\`email\` AS email, u.\`full_name\` AS fullName,
                ${accountStatusSql('u', now)} AS status, p.\`employee_code\` AS employeeCode,
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
      'SELECT p2.`user_id` AS id FROM `staff_profiles` p2 WHERE p2.`employee_code` LIKE ?',
    ];
    const branchParams: unknown[] = [`${code.replace(/[\\%_]/g, '\\$&')}%`];
    if (text !== null) {
      branches.unshift(
        'SELECT u2.`id` FROM `users` u2 WHERE MATCH (u2.`search_text`) AGAINST (? IN BOOLEAN MODE)',
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
    where.push('EXISTS (SELECT 1 FROM `user_roles` r WHERE r.`user_id` = u.`id` AND r.`role` = ?)');
    params.push(filter.role);
  }
  if (filter.status !== undefined) {
    where.push(`${accountStatusSql('u', now)} = ?`);
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
        "EXISTS (SELECT 1 FROM `user_roles` r WHERE r.`user_id` = u.`id` AND r.`scope_type` = 'facility' AND r.`scope_id` IN (?))",
      );
      params.push(places.facilityIds);
    }
    for (const pattern of places.adminUnitPatterns) {
      visible.push(
        `EXISTS (SELECT 1 FROM \`user_roles\` r WHERE r.\`user_id\` = u.\`id\` AND (
           (r.\`scope_type\` = 'admin_unit' AND r.\`scope_id\` IN (SELECT a.\`id\` FROM \`admin_units\` a WHERE a.\`path\` LIKE ?))
           OR (r.\`scope_type\` = 'facility' AND r.\`scope_id\` IN (${FACILITIES_IN}))))`,
      );
      params.push(pattern, pattern);
    }
    if (visible.length === 0) return null;
    where.push(`(${visible.join(' OR ')})`);
  }
  return { hits, where, params };
}
