import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { NotificationDelivery } from './deliveries/notification-delivery.entity';
import { DigestEntry } from './digest/digest-entry.entity';
import { NotificationDigest } from './digest/notification-digest.entity';
import { RowLedgerRepository } from './email/row-ledger.repository';
import { UnsubscribeTokens } from './email/unsubscribe-tokens.service';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import { Notification } from './inbox/notification.entity';
import { NotificationPreference } from './preferences/notification-preference.entity';
import { NotificationPreferencesRepository } from './preferences/notification-preferences.repository';
import { NotificationPreferencesService } from './preferences/notification-preferences.service';
import { UnsubscribeService } from './preferences/unsubscribe.service';
import { RecipientDirectory } from './recipients/recipient-directory.service';

/**
 * What this lib's routes and jobs use, the delivery records too: the jobs live in the worker
 * module. No other domain imports notifications; its work arrives as jobs.
 */
const SERVICES = [
  DeliveriesRepository,
  InboxRepository,
  InboxService,
  NotificationPreferencesService,
  RecipientDirectory,
  RowLedgerRepository,
  UnsubscribeService,
  UnsubscribeTokens,
];

/**
 * The inbox, preferences, delivery records and unsubscribe tokens. Needs AppConfig, Clock,
 * JobsModule and the database; reads identity's accounts (email, name, locale) only.
 */
@Module({
  imports: [
    IdentityModule,
    TypeOrmModule.forFeature([
      Notification,
      NotificationDelivery,
      NotificationPreference,
      DigestEntry,
      NotificationDigest,
    ]),
  ],
  providers: [...SERVICES, NotificationPreferencesRepository],
  exports: SERVICES,
})
export class NotificationsModule {}
