import type { Page, PageQuery } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { AuditEntriesRepository } from './audit-entries.repository';
import type { AuditEntry } from './audit-entry.entity';

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
  constructor(private readonly entries: AuditEntriesRepository) {}

  /** One page of the entries the reader may see that match the filter. */
  search(
    filter: AuditFilter,
    visibility: AuditVisibility,
    query: PageQuery,
  ): Promise<Page<AuditEntry>> {
    return this.entries.search(filter, visibility, query);
  }
}
