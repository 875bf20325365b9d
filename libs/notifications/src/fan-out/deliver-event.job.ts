import { AppConfig, JobHandler, type JobPayloads } from '@lifelong/common';
import { type RecordedEvent } from '@lifelong/database';
import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { OutboxEventsRepository } from '../outbox-events.repository';
import { UndeliverableEventError } from '../recipes/event-payload';
import { type NotificationPlan, planNotification } from '../recipes/notification-recipes';
import { RecipientDirectory } from '../recipients/recipient-directory.service';
import { DEFAULT_TIME_ZONE } from '../templates/language';
import { renderNotification } from '../templates/render-notification';
import { FAN_OUT_BATCH, NotificationFanOut } from './notification-fan-out.service';

/** What one run did: recipients found (inbox entries), and emails queued to send now. */
export interface DeliverEventOutcome {
  recipients: number;
  emailsQueued: number;
}

/**
 * `notifications.deliver-event`: reads the outbox event, applies its kind's recipe, and fans
 * it out to every recipient batch by batch. Safe to run again: every write is keyed by the event.
 */
@Injectable()
export class DeliverEventJob {
  private readonly logger = new Logger(DeliverEventJob.name);

  constructor(
    private readonly events: OutboxEventsRepository,
    private readonly directory: RecipientDirectory,
    private readonly fanOut: NotificationFanOut,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('notifications.deliver-event')
  async deliver({
    outboxEventId,
  }: JobPayloads['notifications.deliver-event']): Promise<DeliverEventOutcome> {
    const event = await this.events.findById(outboxEventId);
    if (!event) throw new UnrecoverableError(`Outbox event ${outboxEventId} does not exist`);
    const plan = this.plan(event);
    this.reportMissingVariables(event.id, plan);
    const outcome: DeliverEventOutcome = { recipients: 0, emailsQueued: 0 };
    const notification = { eventId: event.id, kind: plan.kind, data: plan.data };
    for (let start = 0; start < plan.recipientIds.length; start += FAN_OUT_BATCH) {
      const recipients = await this.directory.find(
        plan.recipientIds.slice(start, start + FAN_OUT_BATCH),
      );
      const sendNow = await this.fanOut.write(notification, recipients);
      await this.fanOut.enqueueSends(event.id, sendNow);
      outcome.recipients += recipients.length;
      outcome.emailsQueued += sendNow.length;
    }
    return outcome;
  }

  private plan(event: RecordedEvent): NotificationPlan {
    try {
      return planNotification(event.type, event.payload);
    } catch (error) {
      if (error instanceof UndeliverableEventError)
        throw new UnrecoverableError(`Outbox event ${event.id}: ${error.message}`);
      throw error;
    }
  }

  /** Once per event, names only: a producer that leaves out a snapshot field shows up here. */
  private reportMissingVariables(eventId: string, plan: NotificationPlan): void {
    const reader = { locale: 'vi', timeZone: DEFAULT_TIME_ZONE };
    const links = { publicUrl: this.config.http.publicUrl };
    const { missing } = renderNotification(plan.kind, plan.data, reader, links);
    if (missing.length > 0)
      this.logger.warn(
        `Notification ${plan.kind} of event ${eventId} renders without ${missing.join(', ')}; a generic phrase stands in`,
      );
  }
}
