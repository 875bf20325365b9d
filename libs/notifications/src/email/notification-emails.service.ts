import { AppConfig } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { planEmail, type SkipReason } from '../fan-out/email-plan';
import { InboxRepository } from '../inbox/inbox.repository';
import type { NotificationData } from '../kinds/notification-kind';
import { type Recipient, RecipientDirectory } from '../recipients/recipient-directory.service';
import { renderNotification } from '../templates/render-notification';
import { type Envelope, notificationEmail } from './email-layout';
import type { Language } from '../templates/language';
import type { OutgoingEmail } from './mailer';
import { UnsubscribeTokens } from './unsubscribe-tokens.service';

/** An email's addressing, language and unsubscribe link, before its content. */
export type AddressedEnvelope = Envelope & Pick<OutgoingEmail, 'to'>;

/** An email ready to send, or why this person gets none (found at send time). */
export type ComposedEmail = { email: OutgoingEmail } | { skip: SkipReason | 'no_account' };

/** Builds emails from stored notifications, in each recipient's language, with their links. */
@Injectable()
export class NotificationEmails {
  private readonly host: string;

  constructor(
    private readonly inbox: InboxRepository,
    private readonly directory: RecipientDirectory,
    private readonly tokens: UnsubscribeTokens,
    private readonly config: AppConfig,
  ) {
    this.host = new URL(config.http.publicUrl).hostname;
  }

  /** The email of one event for one person, re-reading their address and preferences now. */
  async compose(eventId: string, userId: string): Promise<ComposedEmail> {
    const [notification, recipient] = await Promise.all([
      this.inbox.findByEvent(eventId, userId),
      this.directory.findOne(userId),
    ]);
    if (!recipient) return { skip: 'no_account' };
    const plan = planEmail(recipient);
    if (plan.status === 'skipped') return { skip: plan.reason };
    // Written before the send job was queued; absent only if the account went meanwhile.
    if (!notification) return { skip: 'no_account' };
    const data: NotificationData =
      typeof notification.data === 'string'
        ? (JSON.parse(notification.data) as NotificationData)
        : notification.data;
    const links = { publicUrl: this.config.http.publicUrl };
    const { language, text } = renderNotification(notification.kind, data, recipient, links);
    const envelope = this.envelope(recipient, language);
    const email = { ...envelope, ...notificationEmail(envelope, text) };
    return { email: { ...email, messageId: this.messageId(`notification-${notification.id}`) } };
  }

  /** Who an email goes to, in which language, with their one-click unsubscribe link. */
  envelope(recipient: Recipient, language: Language): AddressedEnvelope {
    return {
      to: { name: recipient.fullName, address: recipient.email.trim() },
      language,
      recipientName: recipient.fullName || null,
      unsubscribeUrl: this.tokens.url(recipient.userId),
    };
  }

  /** A Message-ID that is the same on every attempt at the same message. */
  messageId(key: string): string {
    return `<${key}@${this.host}>`;
  }
}
