import { Module } from '@nestjs/common';
import { MeNotificationsController } from './http/me-notifications.controller';
import { UnsubscribeController } from './http/unsubscribe.controller';
import { NotificationsModule } from './notifications.module';

/** The inbox, preferences and unsubscribe routes (api only). */
@Module({
  imports: [NotificationsModule],
  controllers: [MeNotificationsController, UnsubscribeController],
})
export class NotificationsHttpModule {}
