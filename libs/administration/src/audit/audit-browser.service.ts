import { type AuditFilter, AuditReads } from '@lifelong/audit';
import { type Page, type PageQuery } from '@lifelong/common';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { PeopleRepository } from '../people.repository';
import { AUDIT_READERS } from '../policies';
import { ReaderPlacesResolver } from '../reader-places.service';

/** An entry as the audit lib's read port gives it. */
type AuditEntryRead = Awaited<ReturnType<AuditReads['search']>>['items'][number];

/** An entry with the names a person reads it by (null when the account is gone or unnamed). */
export interface AuditLine extends AuditEntryRead {
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
    private readonly people: PeopleRepository,
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
    const names = await this.people.fullNames(
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
}
