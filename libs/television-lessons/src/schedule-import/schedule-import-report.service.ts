import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IMPORT_OVERSEERS } from '../policies';
import { TelevisionError } from '../television-error';
import type { LineError } from './schedule-csv';
import { ScheduleImport } from './schedule-import.entity';
import { ScheduleImportError } from './schedule-import-error.entity';

/** An import's progress and per-line errors, for whoever started it or a platform admin. */
@Injectable()
export class ScheduleImportReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async report(
    principal: Principal,
    channelId: string,
    importId: string,
  ): Promise<{ import: ScheduleImport; errors: LineError[] }> {
    const found = await this.dataSource
      .getRepository(ScheduleImport)
      .findOne({ where: { id: importId, channelId }, select: REPORT_COLUMNS });
    const visible =
      found &&
      (found.requestedBy === principal.userId ||
        this.access.reach(principal, IMPORT_OVERSEERS).everywhere);
    if (!found || !visible)
      throw new TelevisionError(
        'SCHEDULE_IMPORT_NOT_FOUND',
        `There is no schedule import ${importId}`,
      );
    const errors = await this.dataSource.getRepository(ScheduleImportError).find({
      where: { importId },
      order: { line: 'ASC' },
      take: 1_000,
    });
    return { import: found, errors: errors.map(({ line, message }) => ({ line, message })) };
  }
}

const REPORT_COLUMNS = {
  id: true,
  channelId: true,
  requestedBy: true,
  status: true,
  total: true,
  created: true,
  unchanged: true,
  failed: true,
  failure: true,
  createdAt: true,
  finishedAt: true,
} as const;
