import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { IMPORT_OVERSEERS } from '../policies';
import { TelevisionError } from '../television-error';
import type { LineError } from './schedule-csv';
import type { ScheduleImport } from './schedule-import.entity';
import { ScheduleImportsRepository } from './schedule-imports.repository';

/** An import's progress and per-line errors, for whoever started it or a platform admin. */
@Injectable()
export class ScheduleImportReports {
  constructor(
    private readonly imports: ScheduleImportsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async report(
    principal: Principal,
    channelId: string,
    importId: string,
  ): Promise<{ import: ScheduleImport; errors: LineError[] }> {
    const found = await this.imports.findReport(importId, channelId);
    const visible =
      found &&
      (found.requestedBy === principal.userId ||
        this.access.reach(principal, IMPORT_OVERSEERS).everywhere);
    if (!found || !visible)
      throw new TelevisionError(
        'SCHEDULE_IMPORT_NOT_FOUND',
        `There is no schedule import ${importId}`,
      );
    return { import: found, errors: await this.imports.errorsOf(importId, 1_000) };
  }
}
