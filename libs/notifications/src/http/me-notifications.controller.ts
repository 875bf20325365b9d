import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InboxService } from '../inbox/inbox.service';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service';
import {
  InboxQueryDto,
  NotificationDto,
  NotificationPageDto,
  NotificationPreferencesDto,
} from './notifications.dto';

@ApiTags('notifications')
@Controller('api/v1/me')
export class MeNotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  /** The caller's inbox, newest first. */
  @Get('notifications')
  @Authenticated()
  @ApiOkResponse({ type: NotificationPageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: InboxQueryDto,
  ): Promise<NotificationPageDto> {
    const page = await this.inbox.list(principal.userId, query);
    return { ...page, items: page.items.map((item) => NotificationDto.from(item)) };
  }

  /** Marks one of the caller's notifications read; someone else's is 404. */
  @Post('notifications/:id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'NOTIFICATION_NOT_FOUND' })
  async read(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
  ): Promise<NotificationDto> {
    return NotificationDto.from(await this.inbox.markRead(principal.userId, id));
  }

  @Get('notification-preferences')
  @Authenticated()
  @ApiOkResponse({ type: NotificationPreferencesDto })
  async preferencesOf(@CurrentUser() principal: Principal): Promise<NotificationPreferencesDto> {
    return NotificationPreferencesDto.from(await this.preferences.get(principal.userId));
  }

  @Put('notification-preferences')
  @Authenticated()
  @ApiOkResponse({ type: NotificationPreferencesDto })
  async setPreferences(
    @CurrentUser() principal: Principal,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return NotificationPreferencesDto.from(await this.preferences.update(principal.userId, body));
  }
}
