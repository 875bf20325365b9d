import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { OrganizationError } from '../organization-error';
import { IMPORT_OVERSEERS } from '../policies';
import type { LineError } from './staff-csv';
import { StaffImport } from './staff-import.entity';
import { StaffImportsRepository } from './staff-imports.repository';

/** At most this many line errors are returned, the first ones by line; `failed` counts them all. */
export const REPORTED_ERRORS_MAX = 1_000;

export interface StaffImportReport {
  import: StaffImport;
  errors: LineError[];
}

/** An import's progress and error report, for the person who started it or a platform admin. */
@Injectable()
export class StaffImportReportService {
  constructor(
    private readonly imports: StaffImportsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async report(principal: Principal, importId: string): Promise<StaffImportReport> {
    const found = await this.imports.findById(importId);
    const visible =
      found &&
      (found.requestedBy === principal.userId ||
        this.access.reach(principal, IMPORT_OVERSEERS).everywhere);
    if (!found || !visible)
      throw new OrganizationError(
        'STAFF_IMPORT_NOT_FOUND',
        `There is no staff import ${importId}`,
        'not_found',
      );
    const errors = await this.imports.firstErrors(importId, REPORTED_ERRORS_MAX);
    return { import: found, errors: errors.map(({ line, message }) => ({ line, message })) };
  }
}
