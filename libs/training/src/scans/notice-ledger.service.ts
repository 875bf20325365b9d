import { chunksOf, Clock, newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type NoticeCandidate,
  type NoticeKind,
  TrainingNoticesRepository,
} from './training-notices.repository';

export type { NoticeCandidate, NoticeKind } from './training-notices.repository';

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
    private readonly notices: TrainingNoticesRepository,
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
      sent += await this.notices.transaction(async (manager) => {
        const wonIds = await this.notices.note(
          manager,
          { kind, step, batchId: newId(), sentAt: this.clock.now() },
          chunk.map((candidate) => candidate.assignmentId),
        );
        const won = chunk.filter((candidate) => wonIds.has(candidate.assignmentId));
        if (won.length > 0) await send(manager, won);
        return won.length;
      });
    return sent;
  }
}
