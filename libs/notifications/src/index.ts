/**
 * Notifications: outbox events become in-app inbox entries and emails (one at a time, or one
 * daily digest), rendered in each recipient's language from templates, sent at most once per
 * event, person and channel, with one-click unsubscribe.
 *
 * Depends on common, database (outbox, DataSource) and identity (a recipient's email, name and
 * locale) only; receives its work as jobs. Import {@link NotificationsModule} for the services;
 * the api adds {@link NotificationsHttpModule}, the worker {@link NotificationsWorkerModule}.
 * docs/notifications.md says what each event must carry.
 */

/** Inbox, preferences, delivery records, unsubscribe tokens. */
export { NotificationsModule } from './notifications.module';
/** `/api/v1/me/notifications*`, `/api/v1/me/notification-preferences`, unsubscribe (api only). */
export { NotificationsHttpModule } from './notifications.http.module';
/** The `notifications.*` job handlers and the Mailer (worker only). */
export { NotificationsWorkerModule } from './notifications.worker.module';

/** The kinds with templates, and the data each kind's templates read. */
export {
  NOTIFICATION_KINDS,
  type NotificationData,
  type NotificationDataByKind,
  type NotificationKind,
} from './kinds/notification-kind';
/** How an outbox event becomes a kind, recipients and data (throws on an undeliverable one). */
export { type NotificationPlan, planNotification } from './recipes/notification-recipes';
/** Renders a notification in a reader's language (Vietnamese when theirs is missing). */
export {
  type Reader,
  type RenderedNotification,
  renderNotification,
} from './templates/render-notification';
/** The template languages, locale → language, the default time zone. */
export { DEFAULT_TIME_ZONE, type Language, languageOf } from './templates/language';

/** A person's inbox: list (unread filter, pages) and mark read. */
export { type InboxItem, type InboxQuery, InboxService } from './inbox/inbox.service';
/** Email on/off, daily digest, time zone; one-click unsubscribe. */
export {
  NotificationPreferencesService,
  type Preferences,
  type PreferencesChange,
} from './preferences/notification-preferences.service';
/** Signs and checks unsubscribe tokens; builds the absolute link. */
export { UNSUBSCRIBE_PATH, UnsubscribeTokens } from './email/unsubscribe-tokens.service';
/** Why notifications refused a request. */
export { NotificationError, type NotificationErrorCode } from './notification-error';

/** The way out to the mail system (tests and other transports replace it). */
export { Mailer, type OutgoingEmail } from './email/mailer';
/** Delivery states and the delivery entity (one row per event, person and channel). */
export {
  type DeliveryStatus,
  NotificationDelivery,
} from './deliveries/notification-delivery.entity';
/** The inbox entity. */
export { Notification } from './inbox/notification.entity';

/** The job handlers, for tests and benchmarks that run them in-process. */
export { type DeliverEventOutcome, DeliverEventJob } from './fan-out/deliver-event.job';
export { SendEmailJob } from './email/send-email.job';
export { PlanDigestsJob, sendDigestJobId } from './digest/plan-digests.job';
export { DIGEST_MAX_ITEMS, SendDigestJob } from './digest/send-digest.job';
/** Fan-out in batches (inbox, deliveries, digest entries; bulk enqueue), for the benchmark. */
export {
  type EventNotification,
  FAN_OUT_BATCH,
  NotificationFanOut,
  sendEmailJobId,
} from './fan-out/notification-fan-out.service';
/** Recipients as notifications see them (identity's account + preferences). */
export { type Recipient, RecipientDirectory } from './recipients/recipient-directory.service';
