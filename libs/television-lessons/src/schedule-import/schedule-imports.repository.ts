import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { LineError } from './schedule-csv';
import { ScheduleImport } from './schedule-import.entity';
import { ScheduleImportError } from './schedule-import-error.entity';

/** What an import's report shows (not the uploaded file). */
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

/** Queries on schedule imports and their line errors. */
@Injectable()
export class ScheduleImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction, at the server's isolation level. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, row: QueryDeepPartialEntity<ScheduleImport>): Promise<void> {
    await manager.insert(ScheduleImport, row);
  }

  findById(id: string): Promise<ScheduleImport | null> {
    return this.dataSource.getRepository(ScheduleImport).findOneBy({ id });
  }

  /** The import of the channel, for its report. */
  findReport(id: string, channelId: string): Promise<ScheduleImport | null> {
    return this.dataSource
      .getRepository(ScheduleImport)
      .findOne({ where: { id, channelId }, select: REPORT_COLUMNS });
  }

  /** The import's first `limit` line errors, by line. */
  async errorsOf(importId: string, limit: number): Promise<LineError[]> {
    const errors = await this.dataSource.getRepository(ScheduleImportError).find({
      where: { importId },
      order: { line: 'ASC' },
      take: limit,
    });
    return errors.map(({ line, message }) => ({ line, message }));
  }

  /** The import runs (again) from zero: its counts and errors start over. */
  async markRunning(id: string): Promise<void> {
    await this.dataSource
      .getRepository(ScheduleImport)
      .update({ id }, { status: 'running', created: 0, unchanged: 0, failed: 0 });
    await this.dataSource.getRepository(ScheduleImportError).delete({ importId: id });
  }

  async insertErrors(
    manager: EntityManager,
    importId: string,
    errors: readonly LineError[],
  ): Promise<void> {
    await manager.insert(
      ScheduleImportError,
      errors.map((error) => ({ importId, line: error.line, message: error.message })),
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    change: QueryDeepPartialEntity<ScheduleImport>,
  ): Promise<void> {
    await manager.update(ScheduleImport, id, change);
  }
}
