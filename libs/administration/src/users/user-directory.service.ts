import { Clock, type Page, type PageQuery, toPage } from '@lifelong/common';
import { type RoleGrant, SCOPE_TYPES, type ScopeType } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import type { ReaderPlaces } from '../reader-places.service';
import {
  type DirectoryFilter,
  type DirectoryRow,
  directoryStatements,
  type GrantRow,
  UserDirectoryRepository,
} from './user-directory.repository';

/** One person as administrators list them. */
export interface DirectoryEntry extends DirectoryRow {
  roles: RoleGrant[];
}

/**
 * The user directory: a read model over identity's people and roles and organizations' staff
 * profiles and memberships, for administrators. Text goes through the FULLTEXT index on
 * `search_text` (folded like the catalogue) or the employee-code index; the unit filter is a
 * range of `ix_org_units_path`; the listing is in name order.
 */
@Injectable()
export class UserDirectory {
  constructor(
    private readonly directory: UserDirectoryRepository,
    private readonly clock: Clock,
  ) {}

  async search(
    filter: DirectoryFilter,
    places: ReaderPlaces,
    query: PageQuery,
  ): Promise<Page<DirectoryEntry>> {
    const statements = directoryStatements(filter, places, query, this.clock.now());
    if (statements === null) return toPage([], 0, query);
    const { rows, total } = await this.directory.page(statements);
    const roles = grantsByUser(await this.directory.grantsOf(rows.map((row) => row.id)));
    return toPage(
      rows.map((row) => ({ ...row, roles: roles.get(row.id) ?? [] })),
      total,
      query,
    );
  }

  /** One person, if the reader may see them. */
  async find(userId: string, places: ReaderPlaces): Promise<DirectoryEntry | null> {
    const page = await this.search({ userId }, places, { page: 1, pageSize: 1 });
    return page.items[0] ?? null;
  }
}

/** Grants by person; a scope of a type no longer known shows as unscoped. */
function grantsByUser(rows: readonly GrantRow[]): Map<string, RoleGrant[]> {
  const byUser = new Map<string, RoleGrant[]>();
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
