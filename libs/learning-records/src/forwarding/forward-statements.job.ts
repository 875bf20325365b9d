import { JobHandler, JobQueue, type JobPayloads } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { multipartMixed } from '../attachments/multipart-mixed';
import { attachmentHashes } from '../attachments/statement-attachments';
import type { JsonObject } from '../statements/statement-rules';
import { XAPI_VERSION } from '../statements/statements.service';
import type { LrsForward } from './lrs-forward';
import { LrsForwardsRepository } from './lrs-forwards.repository';

/** Statements per POST. */
const BATCH = 100;
/** Batches per run, so one busy remote does not hold a worker for long; the next run goes on. */
const BATCHES_PER_RUN = 20;
/** How long a remote may take to answer one batch. */
const TIMEOUT_MS = 30_000;

/** The deterministic job id of a forward's run: one queued or running per forward at a time. */
export const forwardJobId = (forwardId: string): string => `lrs-forward-${forwardId}`;

/**
 * `learning-records.forward-statements`: sends one external LRS the statements stored after its
 * cursor, in stored order, in batches, with the ids they were stored under. The cursor moves
 * only after the remote answered 2xx, so a failed batch is sent again on the retry (BullMQ's
 * exponential backoff): never lost. A batch sent again after a lost answer is harmless, since
 * an LRS answers an identical statement with the same id as stored already. A 409 means the
 * remote holds different content under one of these ids: retrying cannot fix that, so the run
 * stops with the reason on the forward, and the cursor stays where it is.
 */
@Injectable()
export class ForwardStatementsJob {
  constructor(
    private readonly forwards: LrsForwardsRepository,
    private readonly attachments: AttachmentsRepository,
  ) {}

  @JobHandler('learning-records.forward-statements')
  async forward({
    forwardId,
  }: JobPayloads['learning-records.forward-statements']): Promise<{ forwarded: number }> {
    const found = await this.forwards.activeWithSecret(forwardId);
    if (!found) return { forwarded: 0 }; // revoked since it was queued
    const { forward, secret } = found;
    let cursor = forward.forwardedSeq;
    let forwarded = 0;
    for (let batch = 0; batch < BATCHES_PER_RUN; batch += 1) {
      const rows = await this.forwards.next(cursor, forward.verbs, BATCH);
      if (rows.length === 0) break;
      await this.send(
        forward,
        secret,
        rows.map((row) => JSON.parse(row.statement) as JsonObject),
      );
      cursor = rows.at(-1)!.seq;
      await this.forwards.advance(forward.id, cursor);
      forwarded += rows.length;
      if (rows.length < BATCH) break;
    }
    return { forwarded };
  }

  private async send(forward: LrsForward, secret: string, statements: JsonObject[]): Promise<void> {
    const { contentType, body } = await this.body(statements);
    let response: Response;
    try {
      response = await fetch(`${forward.endpoint}/statements`, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-experience-api-version': XAPI_VERSION,
          authorization: `Basic ${Buffer.from(`${forward.key}:${secret}`).toString('base64')}`,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return this.fail(forward, `Could not reach ${forward.endpoint}: ${describe(error)}`);
    }
    // The answer's body is read (and dropped) so the connection can be reused.
    const text = await response.text().catch(() => '');
    if (response.ok) return;
    const reason = `${forward.endpoint} answered ${response.status}: ${text.slice(0, 300)}`;
    if (response.status === 409) return this.fail(forward, reason, true);
    return this.fail(forward, reason);
  }

  /**
   * As stored: id, timestamp, stored and authority included (the remote sets its own `stored`
   * and `authority` and leaves both out when it compares a statement sent again); with the
   * attachment contents kept here as parts, since the remote needs them as this store did.
   */
  private async body(
    statements: JsonObject[],
  ): Promise<{ contentType: string; body: string | Buffer }> {
    const contents = await this.attachments.contents(attachmentHashes(statements));
    if (contents.length === 0)
      return { contentType: 'application/json', body: JSON.stringify(statements) };
    return multipartMixed(statements, contents);
  }

  private async fail(forward: LrsForward, reason: string, final = false): Promise<never> {
    await this.forwards.failed(forward.id, reason);
    throw final ? new UnrecoverableError(reason) : new Error(reason);
  }
}

const describe = (error: unknown): string =>
  error instanceof Error
    ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
    : String(error);

/**
 * `learning-records.plan-forwards` (recurring): queues a run for every active forward. A
 * forward's job id makes this a no-op while its run waits, runs or backs off.
 */
@Injectable()
export class PlanForwardsJob {
  constructor(
    private readonly forwards: LrsForwardsRepository,
    private readonly jobs: JobQueue,
  ) {}

  @JobHandler('learning-records.plan-forwards')
  async plan(): Promise<{ queued: number }> {
    const ids = await this.forwards.activeIds();
    await this.jobs.enqueueBulk(
      'learning-records.forward-statements',
      ids.map((forwardId) => ({
        payload: { forwardId },
        options: { jobId: forwardJobId(forwardId) },
      })),
    );
    return { queued: ids.length };
  }
}
