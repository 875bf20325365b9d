import { AppConfig, type JobContext, JobHandler, type JobPayloads, JOBS } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { DeliveryStatus } from '../deliveries/notification-delivery.entity';
import { digestEmail } from '../email/email-layout';
import { Mailer } from '../email/mailer';
import { NotificationEmails } from '../email/notification-emails.service';
import { sendOnce, type SendOutcome } from '../email/send-once';
import { planEmail } from '../fan-out/email-plan';
import type { NotificationData } from '../kinds/notification-kind';
import { type Recipient, RecipientDirectory } from '../recipients/recipient-directory.service';
import { languageOf } from '../templates/language';
import { renderNotification } from '../templates/render-notification';
import { type DigestItem, DigestsRepository } from './digests.repository';

/** Notifications listed in one digest; the rest are counted ("and 9,980 more"). */
export const DIGEST_MAX_ITEMS = 20;

const MAX_ATTEMPTS = JOBS['notifications.send-digest'].options.attempts ?? 1;
const FINAL: Partial<Record<string, DeliveryStatus>> = {
  sent: 'sent',
  failed: 'failed',
  unconfirmed: 'unconfirmed',
  skipped: 'skipped',
};

const parsed = (item: DigestItem): NotificationData =>
  typeof item.data === 'string' ? (JSON.parse(item.data) as NotificationData) : item.data;

/** Why a digest goes to nobody: no account, no usable address, email off, or nothing in it. */
function skipReason(recipient: Recipient | null, total: number): string | null {
  if (total === 0) return 'nothing_to_send';
  if (!recipient) return 'no_account';
  const plan = planEmail(recipient);
  return plan.status === 'skipped' ? plan.reason : null;
}

/**
 * `notifications.send-digest`: one person's digest for one local day, at most once, however
 * many events it carries. The digest row fixes what it covers when first opened; once it is
 * settled (sent, failed, skipped) its entries take that outcome and leave the waiting list.
 */
@Injectable()
export class SendDigestJob {
  constructor(
    private readonly digests: DigestsRepository,
    private readonly directory: RecipientDirectory,
    private readonly emails: NotificationEmails,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('notifications.send-digest')
  async send(
    { userId, digestDate }: JobPayloads['notifications.send-digest'],
    context: JobContext,
  ): Promise<string> {
    const digest = await this.digests.open(userId, digestDate);
    if (!digest) return 'skipped';
    try {
      // Still `sending`: an earlier run died mid-send (see sendOnce); the relay may have it.
      if (digest.status === 'sending')
        await this.digests.ledger(userId, digestDate).markUnconfirmed();
      if (digest.status === 'pending')
        await this.deliver(userId, digestDate, digest.upToEventId, context.attempt);
    } finally {
      // Also after the last failed attempt: its entries are recorded failed, not left waiting.
      await this.settleIfFinal(userId, digestDate);
    }
    return (await this.digests.state(userId, digestDate))?.status ?? 'skipped';
  }

  /** A digest that reached an outcome hands it to the entries it carried. */
  private async settleIfFinal(userId: string, date: string): Promise<void> {
    const digest = await this.digests.state(userId, date);
    const status = FINAL[digest?.status ?? ''];
    if (!digest || !status) return;
    const reason = status === 'sent' ? `in the digest of ${date}` : (digest.reason ?? null);
    await this.digests.settle(userId, digest.upToEventId, { status, reason });
  }

  private async deliver(
    userId: string,
    date: string,
    upToEventId: string,
    attempt: number,
  ): Promise<SendOutcome> {
    const [recipient, contents] = await Promise.all([
      this.directory.findOne(userId),
      this.digests.contents(userId, upToEventId, DIGEST_MAX_ITEMS),
    ]);
    const skip = skipReason(recipient, contents.total);
    if (skip || !recipient) {
      await this.digests.skip(userId, date, skip ?? 'no_account');
      return 'skipped';
    }
    const language = languageOf(recipient.locale);
    const links = { publicUrl: this.config.http.publicUrl };
    const items = contents.items.map(
      (item) => renderNotification(item.kind, parsed(item), recipient, links).text,
    );
    const envelope = this.emails.envelope(recipient, language);
    const email = {
      ...envelope,
      ...digestEmail(envelope, { date, items, total: contents.total }),
      messageId: this.emails.messageId(`digest-${userId}-${date}`),
    };
    return sendOnce(this.digests.ledger(userId, date), () => this.mailer.send(email), {
      attempt,
      maxAttempts: MAX_ATTEMPTS,
    });
  }
}
