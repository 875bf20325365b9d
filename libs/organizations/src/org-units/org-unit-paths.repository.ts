import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { OrgUnit } from './org-unit.entity';

/**
 * Where org units sit in the tree, for other domains: a unit's materialized path (read it with
 * `subtreePattern` and `idsOnPath`), by primary key. Training targets requirements and rolls
 * compliance up the tree with it, without reading the org-unit table itself.
 */
@Injectable()
export class OrgUnitPaths {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get orgUnits() {
    return this.dataSource.getRepository(OrgUnit);
  }

  /** The unit's path; null when there is no such unit. */
  async pathOf(orgUnitId: string): Promise<string | null> {
    const unit = await this.orgUnits.findOne({
      select: { id: true, path: true },
      where: { id: orgUnitId },
    });
    return unit?.path ?? null;
  }

  /** The paths of the units that exist among `orgUnitIds`, by id. */
  async pathsOf(orgUnitIds: readonly string[]): Promise<Map<string, string>> {
    if (orgUnitIds.length === 0) return new Map();
    const units = await this.orgUnits.find({
      select: { id: true, path: true },
      where: { id: In([...orgUnitIds]) },
    });
    return new Map(units.map((unit) => [unit.id, unit.path]));
  }
}
