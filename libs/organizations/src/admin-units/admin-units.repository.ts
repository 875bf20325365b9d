import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import { AdminUnit } from './admin-unit.entity';

/** Queries on the administrative tree. */
@Injectable()
export class AdminUnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<AdminUnit | null> {
    return this.dataSource.getRepository(AdminUnit).findOneBy({ id });
  }

  /** The unit's id and path only. */
  findPath(id: string): Promise<Pick<AdminUnit, 'id' | 'path'> | null> {
    return this.dataSource
      .getRepository(AdminUnit)
      .findOne({ where: { id }, select: { id: true, path: true } });
  }

  async insert(unit: AdminUnit): Promise<void> {
    await this.dataSource.getRepository(AdminUnit).insert(unit);
  }

  /** The children of `parentId`, or the roots without it; by name. */
  async pageOfChildren(parentId: string | undefined, query: PageQuery): Promise<Page<AdminUnit>> {
    const [items, total] = await this.dataSource.getRepository(AdminUnit).findAndCount({
      where: { parentId: parentId ?? IsNull() },
      order: { name: 'ASC', id: 'ASC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return toPage(items, total, query);
  }
}
