import { type Page, type PageQuery, pageOffset, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { GroupAttendanceRecord } from './group-attendance-record.entity';

/** Queries on group attendance records. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class GroupAttendanceRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction, at the server's isolation level. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    manager: EntityManager,
    record: QueryDeepPartialEntity<GroupAttendanceRecord>,
  ): Promise<void> {
    await manager.insert(GroupAttendanceRecord, record);
  }

  findById(id: string): Promise<GroupAttendanceRecord | null> {
    return this.dataSource.getRepository(GroupAttendanceRecord).findOneBy({ id });
  }

  /** Locks the record (`FOR UPDATE`) for the rest of the transaction; it exists. */
  lockByIdOrFail(manager: EntityManager, id: string): Promise<GroupAttendanceRecord> {
    return manager.findOneOrFail(GroupAttendanceRecord, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markVoided(
    manager: EntityManager,
    id: string,
    voided: Pick<GroupAttendanceRecord, 'voidedAt' | 'voidedBy' | 'voidReason'>,
  ): Promise<void> {
    await manager.update(GroupAttendanceRecord, { id }, voided);
  }

  /** The course's records, newest first. */
  async pageOfCourse(courseId: string, query: PageQuery): Promise<Page<GroupAttendanceRecord>> {
    const [items, total] = await this.dataSource.getRepository(GroupAttendanceRecord).findAndCount({
      where: { courseId },
      order: { recordedAt: 'DESC', id: 'DESC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return toPage(items, total, query);
  }
}
