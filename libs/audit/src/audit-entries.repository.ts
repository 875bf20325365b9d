import { type Page, type PageQuery, pageOffset, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEntry } from './audit-entry.entity';
import type { AuditFilter, AuditVisibility } from './audit-reads.service';

/** The audit entries: inserted in the caller's transaction, read in pages. Never changed. */
@Injectable()
export class AuditEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEntry, entry as QueryDeepPartialEntity<AuditEntry>);
  }

  /**
   * One page of entries. Every filter is the leading column of an index that continues with
   * `at`; a scoped reader's places are index ranges joined by OR, which MySQL and MariaDB
   * answer with an index merge rather than a scan.
   */
  async search(
    filter: AuditFilter,
    visibility: AuditVisibility,
    query: PageQuery,
  ): Promise<Page<AuditEntry>> {
    const builder = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    if (filter.actorId !== undefined) builder.andWhere('e.actorId = :actorId', filter);
    if (filter.subjectId !== undefined) builder.andWhere('e.subjectId = :subjectId', filter);
    if (filter.action !== undefined) builder.andWhere('e.action = :action', filter);
    if (filter.from !== undefined) builder.andWhere('e.at >= :from', filter);
    if (filter.to !== undefined) builder.andWhere('e.at < :to', filter);
    if (!visibility.everywhere) {
      const places: string[] = [];
      const params: Record<string, string | string[]> = {};
      visibility.adminUnitPatterns.forEach((pattern, index) => {
        places.push(`e.adminUnitPath LIKE :adminUnit${index}`);
        params[`adminUnit${index}`] = pattern;
      });
      visibility.orgUnitPatterns.forEach((pattern, index) => {
        places.push(`e.orgUnitPath LIKE :orgUnit${index}`);
        params[`orgUnit${index}`] = pattern;
      });
      if (visibility.facilityIds.length > 0) {
        places.push('e.facilityId IN (:...facilityIds)');
        params.facilityIds = visibility.facilityIds;
      }
      // A reader with no place sees nothing (never everything).
      builder.andWhere(places.length > 0 ? `(${places.join(' OR ')})` : '1 = 0', params);
    }
    const [items, total] = await builder
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(pageOffset(query))
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(items, total, query);
  }
}
