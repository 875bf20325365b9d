import { type JobContext, JobHandler, type JobPayloads, JOBS } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { Mailer } from './mailer';
import { NotificationEmails } from './notification-emails.service';
import { sendOnce, type SendOutcome } from './send-once';

const MAX_ATTEMPTS = JOBS['notifications.send-email'].options.attempts ?? 1;

/**
 * `notifications.send-email`: one event's email to one person, at most once. Re-reads the
 * delivery (a re-run of a settled one does nothing), then the address and preferences (turned
 * off meanwhile: skipped), then sends through `sendOnce`.
 */
@Injectable()
export class SendEmailJob {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly emails: NotificationEmails,
    private readonly mailer: Mailer,
  ) {}

  @JobHandler('notifications.send-email')
  async send(
    { eventId, userId }: JobPayloads['notifications.send-email'],
    context: JobContext,
  ): Promise<SendOutcome> {
    const ledger = this.deliveries.ledger(eventId, userId);
    const status = await this.deliveries.status(eventId, userId);
    if (status === 'sending') {
      // An earlier run died mid-send: the relay may have the message (see sendOnce).
      await ledger.markUnconfirmed();
      return 'unconfirmed';
    }
    if (status !== 'pending') return 'skipped';
    const composed = await this.emails.compose(eventId, userId);
    if ('skip' in composed) {
      await this.deliveries.skip(eventId, userId, composed.skip);
      return 'skipped';
    }
    return sendOnce(ledger, () => this.mailer.send(composed.email), {
      attempt: context.attempt,
      maxAttempts: MAX_ATTEMPTS,
    });
  }
}
