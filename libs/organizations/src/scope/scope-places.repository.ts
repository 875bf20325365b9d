import type { Scope, ScopeType } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A place a scope picker offers. */
export interface PlaceRow {
  id: string;
  code: string;
  name: string;
}

const TABLE_BY_SCOPE = {
  admin_unit: 'admin_units',
  facility: 'facilities',
  org_unit: 'org_units',
} as const;

/** Queries on the places scopes name (admin units, facilities, org units), by primary key or name. */
@Injectable()
export class ScopePlacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The administrative unit a facility is in; undefined: no such facility. */
  async adminUnitOfFacility(facilityId: string): Promise<string | undefined> {
    const [facility] = await this.dataSource.query<{ adminUnitId: string }[]>(
      'SELECT `admin_unit_id` AS adminUnitId FROM `facilities` WHERE `id` = ?',
      [facilityId],
    );
    return facility?.adminUnitId;
  }

  async exists(scope: Scope): Promise<boolean> {
    const table = TABLE_BY_SCOPE[scope.scopeType];
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM \`${table}\` WHERE \`id\` = ?`,
      [scope.scopeId],
    );
    return rows.length > 0;
  }

  /** The paths of two units of one tree (one primary-key lookup). */
  pathsOf(
    table: 'admin_units' | 'org_units',
    ancestorId: string,
    targetId: string,
  ): Promise<{ id: string; path: string }[]> {
    return this.dataSource.query<{ id: string; path: string }[]>(
      `SELECT \`id\`, \`path\` FROM \`${table}\` WHERE \`id\` IN (?, ?)`,
      [ancestorId, targetId],
    );
  }

  /**
   * Places of one type whose name or code contains `q`, by name: inside any of `within` (null:
   * anywhere). A grant whose type reaches no place of `scopeType` adds nothing; `within` with no
   * reaching grant finds nothing.
   */
  async search(
    scopeType: ScopeType,
    q: string,
    within: readonly Scope[] | null,
    limit: number,
  ): Promise<PlaceRow[]> {
    const params: unknown[] = [];
    const places: string[] = [];
    if (within !== null) {
      for (const scope of within) {
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
    return this.dataSource.query<PlaceRow[]>(
      `SELECT t.\`id\` AS id, t.\`code\` AS code, t.\`name\` AS name FROM ${from}
        WHERE ${where.join(' AND ')} ORDER BY t.\`name\`, t.\`id\` LIMIT ${limit}`,
      [like, like, ...params],
    );
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
