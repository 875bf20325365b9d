import { AppConfig, Clock } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HOUSEKEEPING_BATCH } from '../housekeeping/delete-in-batches';

/** What one archive pass did. */
export interface OutboxArchiveResult {
  archived: number;
}

const DAY_MS = 86_400_000;
const COLUMNS =
  '`id`, `type`, `payload`, `request_id`, `created_at`, `dispatched_at`, `attempts`, `last_error`';

/**
 * `outbox.archive-events`: events relayed more than OUTBOX_ARCHIVE_AFTER_DAYS ago move to
 * `outbox_events_archive`, so the table every state change writes to stays small. An event not
 * relayed yet never moves, however old. Each batch is one short transaction that claims its rows
 * (`SKIP LOCKED`, so racing passes split the work), copies them, then deletes only the rows
 * whose copy is there: an event is never lost and never in both tables.
 */
@Injectable()
export class OutboxArchive {
  private readonly logger = new Logger('OutboxArchive');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async archiveRelayed(batchSize = HOUSEKEEPING_BATCH): Promise<OutboxArchiveResult> {
    const now = this.clock.now();
    const cutoff = new Date(
      now.getTime() - this.config.housekeeping.outboxArchiveAfterDays * DAY_MS,
    );
    let archived = 0;
    for (;;) {
      // The pending index (`dispatched_at`, `id`) serves this range; unrelayed rows hold NULL.
      const rows = await this.dataSource.query<{ id: string }[]>(
        'SELECT `id` FROM `outbox_events` WHERE `dispatched_at` < ? ORDER BY `dispatched_at`, `id` LIMIT ?',
        [cutoff, batchSize],
      );
      const ids = rows.map((row) => row.id);
      if (ids.length > 0) archived += await this.move(ids, cutoff, now);
      if (rows.length < batchSize) break;
    }
    if (archived > 0) this.logger.log(`Archived ${archived} relayed outbox event(s)`);
    return { archived };
  }

  private move(candidates: string[], cutoff: Date, now: Date): Promise<number> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      // A racing pass holds some of these: it moves them; this one takes the rest.
      const claimed = await manager.query<{ id: string }[]>(
        'SELECT `id` FROM `outbox_events` WHERE `id` IN (?) AND `dispatched_at` < ? ' +
          'FOR UPDATE SKIP LOCKED',
        [candidates, cutoff],
      );
      if (claimed.length === 0) return 0;
      const ids = claimed.map((row) => row.id);
      await manager.query(
        `INSERT INTO \`outbox_events_archive\` (${COLUMNS}, \`archived_at\`) ` +
          `SELECT ${COLUMNS}, ? FROM \`outbox_events\` WHERE \`id\` IN (?)`,
        [now, ids],
      );
      const deleted = await manager.query<{ affectedRows: number }>(
        'DELETE `e` FROM `outbox_events` `e` JOIN `outbox_events_archive` `a` ON `a`.`id` = `e`.`id` ' +
          'WHERE `e`.`id` IN (?)',
        [ids],
      );
      return deleted.affectedRows;
    });
  }
}
