import { readEvent, type RecordedEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The outbox events the platform's statements are made from (the database lib's outbox). */
@Injectable()
export class OutboxEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<RecordedEvent | null> {
    return readEvent(this.dataSource.manager, id);
  }
}
