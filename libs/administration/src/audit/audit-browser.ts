import { type AuditEntry, type AuditFilter, AuditReads } from '@lifelong/audit';
import { type Page, type PageQuery } from '@lifelong/common';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AUDIT_READERS } from '../policies';
import { ReaderPlacesResolver } from '../reader-places';

/** An entry with the names a person reads it by (null when the account is gone or unnamed). */
export interface AuditLine extends AuditEntry {
  actorName: string | null;
  subjectName: string | null;
}

/**
 * Reading the audit log: an unscoped admin or supervisor sees every entry; a scoped one the
 * entries placed in their subtrees (where the subject belonged when it happened).
 */
@Injectable()
export class AuditBrowser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly places: ReaderPlacesResolver,
    private readonly reads: AuditReads,
  ) {}

  async page(
    principal: Principal,
    filter: AuditFilter,
    query: PageQuery,
  ): Promise<Page<AuditLine>> {
    const places = await this.places.of(this.access.reach(principal, AUDIT_READERS));
    const page = await this.reads.search(
      filter,
      places.everywhere
        ? { everywhere: true }
        : {
            everywhere: false,
            adminUnitPatterns: places.adminUnitPatterns,
            orgUnitPatterns: places.orgUnitPatterns,
            facilityIds: places.facilityIds,
          },
      query,
    );
    const names = await this.namesOf(
      page.items.flatMap((entry) => [
        ...(entry.actorId ? [entry.actorId] : []),
        ...(entry.subjectType === 'user' ? [entry.subjectId] : []),
      ]),
    );
    return {
      ...page,
      items: page.items.map((entry) => ({
        ...entry,
        actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
        subjectName: entry.subjectType === 'user' ? (names.get(entry.subjectId) ?? null) : null,
      })),
    };
  }

  /** Full names of the people on a page, in one primary-key read. */
  private async namesOf(userIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; fullName: string }[]>(
      'SELECT `id`, `full_name` AS fullName FROM `users` WHERE `id` IN (?)',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.fullName]));
  }
}
