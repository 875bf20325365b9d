import { JobHandler } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { OutboxArchive, type OutboxArchiveResult } from './outbox-archive';

/** The recurring `outbox.archive-events` job (a BullMQ job scheduler, hourly). */
@Injectable()
export class OutboxArchiveJob {
  constructor(private readonly archive: OutboxArchive) {}

  @JobHandler('outbox.archive-events')
  run(): Promise<OutboxArchiveResult> {
    return this.archive.archiveRelayed();
  }
}
