import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrganizationError } from '../organization-error';
import { IMPORT_OVERSEERS } from '../policies';
import type { LineError } from './staff-csv';
import { StaffImport } from './staff-import.entity';
import { StaffImportError } from './staff-import-error.entity';

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
    @InjectRepository(StaffImport) private readonly imports: Repository<StaffImport>,
    @InjectRepository(StaffImportError) private readonly errors: Repository<StaffImportError>,
    private readonly access: AccessPolicy,
  ) {}

  async report(principal: Principal, importId: string): Promise<StaffImportReport> {
    const found = await this.imports.findOneBy({ id: importId });
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
    const errors = await this.errors.find({
      where: { importId },
      order: { line: 'ASC' },
      take: REPORTED_ERRORS_MAX,
      select: { line: true, message: true },
    });
    return { import: found, errors: errors.map(({ line, message }) => ({ line, message })) };
  }
}
