import { AppConfig } from '@lifelong/common';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { DigestsRepository } from './digest/digests.repository';
import { PlanDigestsJob } from './digest/plan-digests.job';
import { SendDigestJob } from './digest/send-digest.job';
import { Mailer } from './email/mailer';
import { createMailer } from './email/nodemailer-mailer';
import { NotificationEmails } from './email/notification-emails.service';
import { SendAccountEmailJob } from './email/send-account-email.job';
import { SendEmailJob } from './email/send-email.job';
import { DeliverEventJob } from './fan-out/deliver-event.job';
import { NotificationFanOut } from './fan-out/notification-fan-out.service';
import { NotificationsModule } from './notifications.module';
import { OutboxEventsRepository } from './outbox-events.repository';

const JOB_HANDLERS = [
  DeliverEventJob,
  SendEmailJob,
  SendAccountEmailJob,
  PlanDigestsJob,
  SendDigestJob,
];

/**
 * The notification jobs (worker only): fan-out of events, email sends, digest planning and
 * sends, with the Mailer (SMTP_URL, or .eml files under MAIL_DIR).
 */
@Module({
  imports: [NotificationsModule, IdentityModule],
  providers: [
    ...JOB_HANDLERS,
    DigestsRepository,
    NotificationEmails,
    NotificationFanOut,
    OutboxEventsRepository,
    { provide: Mailer, useFactory: createMailer, inject: [AppConfig] },
  ],
  // Nothing exported: the worker finds the handlers by their @JobHandler, and tests and
  // benchmarks that run them in-process look them up with get(), which needs no export.
})
export class NotificationsWorkerModule {}
