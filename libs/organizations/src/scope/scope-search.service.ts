import { AccessPolicy, type Principal, type Role, type ScopeType } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ScopeMatch {
  scopeType: ScopeType;
  scopeId: string;
  code: string;
  name: string;
}

/** The roles whose grants reach places of each type (what a granter may grant there). */
const REACHING: Record<ScopeType, readonly Role[]> = {
  admin_unit: ['admin'],
  facility: ['admin', 'facility_admin'],
  org_unit: ['admin', 'org_manager'],
};

const LIMIT = 20;

/**
 * Places of one type, by name or code, among those inside the caller's own grants: what a scope
 * picker offers. The grant itself is still checked by the grant rules when it is made.
 */
@Injectable()
export class ScopeSearch {
  constructor(
    private readonly access: AccessPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(principal: Principal, scopeType: ScopeType, q: string): Promise<ScopeMatch[]> {
    const reach = this.access.reach(principal, REACHING[scopeType]);
    const params: unknown[] = [];
    const places: string[] = [];
    if (!reach.everywhere) {
      for (const scope of reach.scopes) {
        const place = placeWithin(scopeType, scope.scopeType);
        if (place === null) continue;
        places.push(place);
        params.push(scope.scopeId);
      }
      if (places.length === 0) return [];
    }
    const from =
      scopeType === 'facility'
        ? '`facilities` t JOIN `admin_units` a ON a.`id` = t.`admin_unit_id`'
        : `\`${scopeType === 'org_unit' ? 'org_units' : 'admin_units'}\` t`;
    const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
    const where = [`(t.\`name\` LIKE ? OR t.\`code\` LIKE ?)`];
    if (places.length > 0) where.push(`(${places.join(' OR ')})`);
    const rows = await this.dataSource.query<{ id: string; code: string; name: string }[]>(
      `SELECT t.\`id\` AS id, t.\`code\` AS code, t.\`name\` AS name FROM ${from}
        WHERE ${where.join(' AND ')} ORDER BY t.\`name\`, t.\`id\` LIMIT ${LIMIT}`,
      [like, like, ...params],
    );
    return rows.map((row) => ({ scopeType, scopeId: row.id, code: row.code, name: row.name }));
  }
}

/**
 * The condition that a row of `wanted` type lies inside a grant of `granted` type (one `?` for
 * the grant's id); null when such a grant reaches no place of that type. Paths hold only ids and
 * slashes, so a path is its own LIKE prefix.
 */
function placeWithin(wanted: ScopeType, granted: ScopeType): string | null {
  const under = (alias: string, table: string) =>
    `${alias}.\`path\` LIKE CONCAT((SELECT \`path\` FROM \`${table}\` WHERE \`id\` = ?), '%')`;
  if (wanted === 'org_unit') return granted === 'org_unit' ? under('t', 'org_units') : null;
  if (wanted === 'admin_unit') return granted === 'admin_unit' ? under('t', 'admin_units') : null;
  if (granted === 'admin_unit') return under('a', 'admin_units');
  return granted === 'facility' ? 't.`id` = ?' : null;
}
