import { AppConfig, Clock } from '@lifelong/common';
import { EnrollmentLookup } from '@lifelong/enrollment';
import { Injectable } from '@nestjs/common';
import {
  BroadcastsRepository,
  type FeedRow,
  type FeedScope,
} from '../broadcasts/broadcasts.repository';
import { ChannelsService } from '../channels/channels.service';
import { type FeedEvent, renderFeed } from './ical-feed';
import { ScheduleFeedTokens } from './schedule-feed-tokens.service';

/** How far back and ahead a feed reaches, and how many events it holds at most. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 366;
const FEED_MAX_EVENTS = 2_000;

/** The iCalendar feeds: a channel's (public) and a learner's (behind their feed token). */
@Injectable()
export class ScheduleCalendars {
  constructor(
    private readonly broadcasts: BroadcastsRepository,
    private readonly channels: ChannelsService,
    private readonly tokens: ScheduleFeedTokens,
    private readonly enrollments: EnrollmentLookup,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Every broadcast of published courses on the channel, from a month ago to a year ahead. */
  async channelFeed(channelId: string): Promise<string> {
    const channel = await this.channels.get(channelId);
    const rows = await this.rows({ channelId });
    return this.render(`${channel.name} — Lifelong`, rows);
  }

  /** The broadcasts of the courses the token's owner may learn in. */
  async learnerFeed(token: string | undefined): Promise<string> {
    const userId = await this.tokens.ownerOf(token);
    const courseIds = await this.enrollments.learningCourseIds(userId);
    const name = 'Lịch học truyền hình — Lifelong';
    if (courseIds.length === 0) return this.render(name, []);
    const rows = await this.rows({ courseIds });
    return this.render(name, rows);
  }

  /** The scope's airings from a month ago to a year ahead, at most FEED_MAX_EVENTS. */
  private rows(scope: FeedScope): Promise<FeedRow[]> {
    const now = this.clock.now().getTime();
    return this.broadcasts.feedRows(
      scope,
      {
        from: new Date(now - FEED_PAST_DAYS * 86_400_000),
        to: new Date(now + FEED_FUTURE_DAYS * 86_400_000),
      },
      FEED_MAX_EVENTS,
    );
  }

  private render(name: string, rows: FeedRow[]): Promise<string> {
    const { publicUrl } = this.config.http;
    const events: FeedEvent[] = rows.map((row) => ({
      broadcastId: row.id,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      status: row.status,
      revision: Number(row.revision),
      updatedAt: new Date(row.updated_at),
      lessonTitle: row.lesson_title,
      courseTitle: row.course_title,
      channelName: row.channel_name,
      url: `${publicUrl}/api/v1/courses/${row.course_id}`,
    }));
    return renderFeed({
      name,
      timeZone: this.config.television.timeZone,
      uidHost: new URL(publicUrl).hostname,
      events,
    });
  }
}
