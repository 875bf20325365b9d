import {
  type AccountLinkEvent,
  type JobContext,
  JobHandler,
  type JobPayloads,
  JOBS,
} from '@lifelong/common';
import { AccountLinkTokens, type AccountTokenPurpose } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { OutboxEventsRepository } from '../outbox-events.repository';
import { planEmail } from '../fan-out/email-plan';
import { type Recipient, RecipientDirectory } from '../recipients/recipient-directory.service';
import {
  ACCOUNT_EMAIL_TEMPLATES,
  type AccountEmailEvent,
  isAccountEmailEvent,
} from '../templates/account-email-templates';
import { languageOf } from '../templates/language';
import { TemplateVars } from '../templates/template-vars';
import { accountEmail } from './email-layout';
import { Mailer, type OutgoingEmail } from './mailer';
import { NotificationEmails } from './notification-emails.service';
import { sendOnce, type SendOutcome } from './send-once';

const MAX_ATTEMPTS = JOBS['notifications.send-account-email'].options.attempts ?? 1;

const PURPOSE: Record<AccountEmailEvent, AccountTokenPurpose> = {
  'identity.invitation-sent': 'invitation',
  'identity.password-reset-requested': 'password_reset',
};

/**
 * `notifications.send-account-email`: an invitation or a password-reset link, at most once.
 * Transactional: sent whatever the person's email preference or digest, with no inbox entry
 * (the link is the whole point, and it must not sit in an inbox). The link's token is derived
 * from the event's token id here (identity's AccountLinkTokens): no table holds it.
 */
@Injectable()
export class SendAccountEmailJob {
  constructor(
    private readonly events: OutboxEventsRepository,
    private readonly directory: RecipientDirectory,
    private readonly deliveries: DeliveriesRepository,
    private readonly emails: NotificationEmails,
    private readonly links: AccountLinkTokens,
    private readonly mailer: Mailer,
  ) {}

  @JobHandler('notifications.send-account-email')
  async send(
    { outboxEventId }: JobPayloads['notifications.send-account-email'],
    context: JobContext,
  ): Promise<SendOutcome> {
    const event = await this.events.findById(outboxEventId);
    if (!event) throw new UnrecoverableError(`Outbox event ${outboxEventId} does not exist`);
    if (!isAccountEmailEvent(event.type))
      throw new UnrecoverableError(`Outbox event ${event.id} is not an account email`);
    const link = event.payload as AccountLinkEvent;
    const recipient = await this.directory.findOne(link.userId);
    if (!recipient) return 'skipped';
    // Preferences do not apply; only an address that cannot receive mail stops it.
    const plan = planEmail({ email: recipient.email, emailEnabled: true, digest: 'off' });
    const reason = plan.status === 'skipped' ? plan.reason : null;
    await this.deliveries.insertMany([
      {
        eventId: event.id,
        userId: recipient.userId,
        status: reason ? 'skipped' : 'pending',
        reason,
      },
    ]);
    if (reason) return 'skipped';
    const email = this.compose(event.id, event.type, link, recipient);
    return sendOnce(
      this.deliveries.ledger(event.id, recipient.userId),
      () => this.mailer.send(email),
      { attempt: context.attempt, maxAttempts: MAX_ATTEMPTS },
    );
  }

  private compose(
    eventId: string,
    type: AccountEmailEvent,
    link: AccountLinkEvent,
    recipient: Recipient,
  ): OutgoingEmail {
    const language = languageOf(recipient.locale);
    const expiresAt =
      new TemplateVars({ expiresAt: link.expiresAt }, language, recipient.timeZone).time(
        'expiresAt',
      ) ?? link.expiresAt;
    const url = this.links.url(PURPOSE[type], link.tokenId);
    const text = ACCOUNT_EMAIL_TEMPLATES[type][language]({ url, expiresAt });
    const content = accountEmail({ language, recipientName: recipient.fullName || null }, text);
    return {
      ...content,
      to: { name: recipient.fullName, address: recipient.email.trim() },
      language,
      messageId: this.emails.messageId(`account-${eventId}`),
    };
  }
}
