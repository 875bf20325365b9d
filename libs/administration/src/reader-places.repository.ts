import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A unit of either tree and its materialized path. */
export interface UnitPath {
  id: string;
  path: string;
}

/** The units a reader's scopes name, from the trees organizations publishes. */
@Injectable()
export class ReaderPlacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The org units among `ids` that exist (primary-key read). */
  async orgUnitPaths(ids: readonly string[]): Promise<UnitPath[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<UnitPath[]>(
      'SELECT `id`, `path` FROM `org_units_view` WHERE `id` IN (?)',
      [ids],
    );
  }

  /** The administrative units among `ids` that exist (primary-key read). */
  async adminUnitPaths(ids: readonly string[]): Promise<UnitPath[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<UnitPath[]>(
      'SELECT `id`, `path` FROM `admin_units_view` WHERE `id` IN (?)',
      [ids],
    );
  }
}
