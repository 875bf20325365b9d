import { sqlDateTime } from '@lifelong/database';
import { chunksOf, Clock, newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A notice kind in the ledger. */
export type NoticeKind = 'due-soon' | 'overdue' | 'escalated';

/** An assignment a notice is about. */
export interface NoticeCandidate {
  assignmentId: string;
  userId: string;
  orgUnitId: string | null;
}

const CHUNK = 1_000;

/**
 * Exactly-once notices: for each chunk of candidates, one transaction writes the ledger rows
 * (`INSERT IGNORE` on the unique (assignment, kind, step)), reads back the rows this batch won,
 * and lets `send` record the outbox events for exactly those. Two scans racing each other, or a
 * scan retried after a crash, never notify anyone twice.
 */
@Injectable()
export class NoticeLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async notifyOnce(
    kind: NoticeKind,
    step: number,
    candidates: readonly NoticeCandidate[],
    send: (manager: EntityManager, won: NoticeCandidate[]) => Promise<void>,
  ): Promise<number> {
    let sent = 0;
    for (const chunk of chunksOf(candidates, CHUNK))
      sent += await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        const batchId = newId();
        const now = sqlDateTime(this.clock.now());
        await manager.query(
          'INSERT IGNORE INTO `training_notices` (`assignment_id`, `kind`, `step`, `batch_id`, `sent_at`) VALUES ?',
          [chunk.map((candidate) => [candidate.assignmentId, kind, step, batchId, now])],
        );
        const rows = await manager.query<{ assignmentId: string }[]>(
          'SELECT `assignment_id` AS assignmentId FROM `training_notices` WHERE `batch_id` = ?',
          [batchId],
        );
        const wonIds = new Set(rows.map((row) => row.assignmentId));
        const won = chunk.filter((candidate) => wonIds.has(candidate.assignmentId));
        if (won.length > 0) await send(manager, won);
        return won.length;
      });
    return sent;
  }
}
