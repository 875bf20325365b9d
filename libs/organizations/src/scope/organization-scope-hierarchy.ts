import { type Scope, ScopeHierarchy } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isWithin } from '../tree/tree-path';

/**
 * The organization trees as identity's scope checks see them: an admin unit covers its
 * descendant admin units and the facilities in them, an org unit its descendant org units,
 * a facility only itself. Each answer is one or two primary-key lookups.
 */
@Injectable()
export class OrganizationScopeHierarchy extends ScopeHierarchy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async covers(ancestor: Scope, target: Scope): Promise<boolean> {
    if (ancestor.scopeType === target.scopeType && ancestor.scopeId === target.scopeId) return true;
    if (ancestor.scopeType === 'admin_unit' && target.scopeType === 'admin_unit')
      return this.pathsNest('admin_units', ancestor.scopeId, target.scopeId);
    if (ancestor.scopeType === 'org_unit' && target.scopeType === 'org_unit')
      return this.pathsNest('org_units', ancestor.scopeId, target.scopeId);
    if (ancestor.scopeType === 'admin_unit' && target.scopeType === 'facility') {
      const [facility] = await this.dataSource.query<{ adminUnitId: string }[]>(
        'SELECT `admin_unit_id` AS adminUnitId FROM `facilities` WHERE `id` = ?',
        [target.scopeId],
      );
      return facility
        ? this.pathsNest('admin_units', ancestor.scopeId, facility.adminUnitId)
        : false;
    }
    return false;
  }

  async exists(scope: Scope): Promise<boolean> {
    const table = TABLE_BY_SCOPE[scope.scopeType];
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM \`${table}\` WHERE \`id\` = ?`,
      [scope.scopeId],
    );
    return rows.length > 0;
  }

  private async pathsNest(
    table: 'admin_units' | 'org_units',
    ancestorId: string,
    targetId: string,
  ): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string; path: string }[]>(
      `SELECT \`id\`, \`path\` FROM \`${table}\` WHERE \`id\` IN (?, ?)`,
      [ancestorId, targetId],
    );
    const ancestor = rows.find((row) => row.id === ancestorId);
    const target = rows.find((row) => row.id === targetId);
    return ancestor !== undefined && target !== undefined && isWithin(target.path, ancestor.path);
  }
}

const TABLE_BY_SCOPE = {
  admin_unit: 'admin_units',
  facility: 'facilities',
  org_unit: 'org_units',
} as const;
