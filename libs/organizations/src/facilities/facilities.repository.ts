import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AdminUnit } from '../admin-units/admin-unit.entity';
import { subtreePattern } from '../tree/tree-path';
import { Facility } from './facility.entity';
import type { FacilityType } from './facility-type';

/** Queries on facilities. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class FacilitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<Facility | null> {
    return this.dataSource.getRepository(Facility).findOneBy({ id });
  }

  async insert(manager: EntityManager, facility: Facility): Promise<void> {
    await manager.insert(Facility, facility);
  }

  /**
   * A page of the directory, by name: of one type, and/or located under an administrative
   * unit's path.
   */
  async page(
    filter: { type?: FacilityType; adminUnitPath?: string },
    query: PageQuery,
  ): Promise<Page<Facility>> {
    const builder = this.dataSource.getRepository(Facility).createQueryBuilder('facility');
    if (filter.type) builder.andWhere('facility.type = :type', { type: filter.type });
    if (filter.adminUnitPath !== undefined)
      builder
        .innerJoin(AdminUnit, 'unit', 'unit.id = facility.adminUnitId')
        .andWhere('unit.path LIKE :pattern', { pattern: subtreePattern(filter.adminUnitPath) });
    const [items, total] = await builder
      .orderBy('facility.name', 'ASC')
      .addOrderBy('facility.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.pageSize)
      .getManyAndCount();
    return toPage(items, total, query);
  }
}
