import { Authenticated, CurrentUser, type Principal, Public } from '@lifelong/identity';
import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ScheduleCalendars } from '../calendars/schedule-calendars.service';
import { ScheduleFeedTokens } from '../calendars/schedule-feed-tokens.service';
import { FeedQueryDto, FeedUrlDto } from './schedule-feed.dto';

@ApiTags('television-lessons')
@Controller('api/v1/me')
export class ScheduleFeedController {
  constructor(
    private readonly tokens: ScheduleFeedTokens,
    private readonly calendars: ScheduleCalendars,
  ) {}

  /** The caller's personal calendar feed URL (the broadcasts of their enrolled courses). */
  @Get('schedule-feed')
  @Authenticated()
  @ApiOkResponse({ type: FeedUrlDto })
  async url(@CurrentUser() principal: Principal): Promise<FeedUrlDto> {
    return { url: await this.tokens.url(principal.userId) };
  }

  /** A new feed URL; the old one stops working. */
  @Post('schedule-feed/rotate')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: FeedUrlDto })
  async rotate(@CurrentUser() principal: Principal): Promise<FeedUrlDto> {
    return { url: await this.tokens.rotate(principal.userId) };
  }

  /** The learner's feed, for calendar apps: the token in the URL is the credential. */
  @Get('schedule.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar', schema: { type: 'string' } })
  feed(@Query() query: FeedQueryDto): Promise<string> {
    return this.calendars.learnerFeed(query.token);
  }
}
