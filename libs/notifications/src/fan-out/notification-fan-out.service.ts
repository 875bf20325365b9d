import { Clock, JobQueue } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { DeliveriesRepository, type NewDelivery } from '../deliveries/deliveries.repository';
import { DigestsRepository } from '../digest/digests.repository';
import { InboxRepository } from '../inbox/inbox.repository';
import type { NotificationKind } from '../kinds/notification-kind';
import type { Recipient } from '../recipients/recipient-directory.service';
import { planEmail } from './email-plan';

/** Recipients handled per batch: one multi-row insert per table, one Redis round trip. */
export const FAN_OUT_BATCH = 1_000;

/** One event's notification, as every recipient gets it. */
export interface EventNotification {
  eventId: string;
  kind: NotificationKind;
  data: Readonly<Record<string, string>>;
}

/** The deterministic job id of one event's email to one person. */
export const sendEmailJobId = (eventId: string, userId: string): string =>
  `email-${eventId}-${userId}`;

/**
 * Turns one event into per-recipient work, a batch at a time: inbox entries, delivery rows and
 * digest entries in one multi-row insert each (run side by side, each idempotent on its key, so
 * a re-run completes what a crashed run left), then one bulk enqueue of the emails to send now.
 */
@Injectable()
export class NotificationFanOut {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly inbox: InboxRepository,
    private readonly digests: DigestsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Writes the batch (at most FAN_OUT_BATCH recipients); returns who gets an email now. */
  async write(
    notification: EventNotification,
    recipients: readonly Recipient[],
  ): Promise<string[]> {
    if (recipients.length === 0) return [];
    const deliveries: NewDelivery[] = recipients.map((recipient) => {
      const plan = planEmail(recipient);
      const reason = plan.status === 'skipped' ? plan.reason : null;
      return {
        eventId: notification.eventId,
        userId: recipient.userId,
        status: plan.status,
        reason,
      };
    });
    const digested = deliveries.filter((row) => row.status === 'digest').map((row) => row.userId);
    const [inserted] = await Promise.all([
      this.deliveries.insertMany(deliveries),
      this.inbox.insertMany(
        notification,
        recipients.map((recipient) => recipient.userId),
        this.clock.now(),
      ),
      this.digests.insertEntries(notification.eventId, digested),
    ]);
    const pending = deliveries.filter((row) => row.status === 'pending').map((row) => row.userId);
    // A re-run finds rows already there, perhaps sent: ask the table who still waits.
    if (inserted === deliveries.length) return pending;
    return this.deliveries.pendingAmong(
      notification.eventId,
      deliveries.map((row) => row.userId),
    );
  }

  /** One `notifications.send-email` job per recipient, added in bulk; a job that exists stays. */
  async enqueueSends(eventId: string, userIds: readonly string[]): Promise<void> {
    for (let start = 0; start < userIds.length; start += FAN_OUT_BATCH) {
      await this.jobs.enqueueBulk(
        'notifications.send-email',
        userIds.slice(start, start + FAN_OUT_BATCH).map((userId) => ({
          payload: { eventId, userId },
          options: { jobId: sendEmailJobId(eventId, userId) },
        })),
      );
    }
  }
}
