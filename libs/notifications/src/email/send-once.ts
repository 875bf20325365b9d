import { UnrecoverableError } from 'bullmq';
import { describeSendFailure } from './send-failure';

/**
 * Where one message's send state lives (a delivery row, a digest row). Every change is a
 * conditional update, so two runs of the same job cannot both move it.
 */
export interface SendLedger {
  /** `pending` → `sending`, attempts + 1: the attempt number now held, or null if not pending. */
  claim(): Promise<number | null>;
  /** The status now (read after a claim that found the row not pending). */
  status(): Promise<string | null>;
  /** `sending` (held by `attempt`) or `unconfirmed` → `sent`: the run that sent it knows best. */
  markSent(attempt: number): Promise<void>;
  /** `sending` → `pending` with the reason: this attempt failed, a later one may succeed. */
  release(attempt: number, reason: string): Promise<void>;
  /** `sending` → `failed` with the reason: no attempt is left, or the relay refused for good. */
  markFailed(attempt: number, reason: string): Promise<void>;
  /** `sending` → `unconfirmed`: an earlier run stopped between claim and outcome. */
  markUnconfirmed(): Promise<void>;
}

export type SendOutcome = 'sent' | 'skipped' | 'unconfirmed';

/**
 * Sends a message at most once. The claim is committed before the SMTP exchange, and every
 * failure the transport reports puts the row back to `pending` (or `failed` after the last
 * attempt), so a row still `sending` when a run starts means an earlier run died between handing
 * the message over and recording the answer: the relay may have it. That run's message is not
 * sent again (a duplicate is worse than a recorded `unconfirmed`; the inbox has the notification
 * either way). The window is the SMTP exchange itself; see docs/notifications.md.
 */
export async function sendOnce(
  ledger: SendLedger,
  send: () => Promise<void>,
  attempts: { attempt: number; maxAttempts: number },
): Promise<SendOutcome> {
  const held = await ledger.claim();
  if (held === null) {
    if ((await ledger.status()) !== 'sending') return 'skipped';
    await ledger.markUnconfirmed();
    return 'unconfirmed';
  }
  try {
    await send();
  } catch (error) {
    const failure = describeSendFailure(error);
    if (failure.permanent) {
      await ledger.markFailed(held, failure.reason);
      throw new UnrecoverableError(failure.reason);
    }
    if (attempts.attempt >= attempts.maxAttempts) await ledger.markFailed(held, failure.reason);
    else await ledger.release(held, failure.reason);
    throw new Error(failure.reason);
  }
  await ledger.markSent(held);
  return 'sent';
}
