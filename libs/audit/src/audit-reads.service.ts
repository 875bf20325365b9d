import { type Page, type PageQuery, pageOffset, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/** The filters of `GET /admin/audit`; each optional. `to` is exclusive. */
export interface AuditFilter {
  actorId?: string;
  subjectId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/**
 * Which entries a reader may see: all of them, or those placed in one of these subtrees
 * (`subtreePattern(path)` of an administrative unit or org unit) or facilities.
 */
export type AuditVisibility =
  | { everywhere: true }
  | {
      everywhere: false;
      adminUnitPatterns: string[];
      orgUnitPatterns: string[];
      facilityIds: string[];
    };

/** Reading the audit log, newest first. Reads only. */
@Injectable()
export class AuditReads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
