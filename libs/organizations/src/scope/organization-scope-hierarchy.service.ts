import { type Scope, ScopeHierarchy } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { isWithin } from '../tree/tree-path';
import { ScopePlacesRepository } from './scope-places.repository';

/**
 * The organization trees as identity's scope checks see them: an admin unit covers its
 * descendant admin units and the facilities in them, an org unit its descendant org units,
 * a facility only itself. Each answer is one or two primary-key lookups.
 */
@Injectable()
export class OrganizationScopeHierarchy extends ScopeHierarchy {
  constructor(private readonly places: ScopePlacesRepository) {
    super();
  }

  async covers(ancestor: Scope, target: Scope): Promise<boolean> {
    if (ancestor.scopeType === target.scopeType && ancestor.scopeId === target.scopeId) return true;
    if (ancestor.scopeType === 'admin_unit' && target.scopeType === 'admin_unit')
      return this.pathsNest('admin_units', ancestor.scopeId, target.scopeId);
    if (ancestor.scopeType === 'org_unit' && target.scopeType === 'org_unit')
      return this.pathsNest('org_units', ancestor.scopeId, target.scopeId);
    if (ancestor.scopeType === 'admin_unit' && target.scopeType === 'facility') {
      const adminUnitId = await this.places.adminUnitOfFacility(target.scopeId);
      return adminUnitId !== undefined
        ? this.pathsNest('admin_units', ancestor.scopeId, adminUnitId)
        : false;
    }
    return false;
  }

  exists(scope: Scope): Promise<boolean> {
    return this.places.exists(scope);
  }

  private async pathsNest(
    table: 'admin_units' | 'org_units',
    ancestorId: string,
    targetId: string,
  ): Promise<boolean> {
    const rows = await this.places.pathsOf(table, ancestorId, targetId);
    const ancestor = rows.find((row) => row.id === ancestorId);
    const target = rows.find((row) => row.id === targetId);
    return ancestor !== undefined && target !== undefined && isWithin(target.path, ancestor.path);
  }
}
