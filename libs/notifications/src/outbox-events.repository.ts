import { readEvent, type RecordedEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The outbox events the jobs work from (the database lib's outbox, read by id). */
@Injectable()
export class OutboxEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<RecordedEvent | null> {
    return readEvent(this.dataSource.manager, id);
  }
}
