import { AppConfig, Clock } from '@lifelong/common';
import { EnrollmentLookup } from '@lifelong/enrollment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Broadcast } from '../broadcasts/broadcast.entity';
import { Channel } from '../channels/channel.entity';
import { ChannelsService } from '../channels/channels.service';
import { type FeedEvent, renderFeed } from './ical-feed';
import { ScheduleFeedTokens } from './schedule-feed-tokens.service';

/** How far back and ahead a feed reaches, and how many events it holds at most. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 366;
const FEED_MAX_EVENTS = 2_000;

interface FeedRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: Broadcast['status'];
  revision: number;
  updated_at: Date;
  course_id: string;
  lesson_title: string;
  course_title: string;
  channel_name: string;
}

/** The iCalendar feeds: a channel's (public) and a learner's (behind their feed token). */
@Injectable()
export class ScheduleCalendars {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly tokens: ScheduleFeedTokens,
    private readonly enrollments: EnrollmentLookup,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Every broadcast of published courses on the channel, from a month ago to a year ahead. */
  async channelFeed(channelId: string): Promise<string> {
    const channel = await this.channels.get(channelId);
    const rows = await this.rows((query) =>
      query.andWhere('b.channel_id = :channelId', { channelId }),
    );
    return this.render(`${channel.name} — Lifelong`, rows);
  }

  /** The broadcasts of the courses the token's owner may learn in. */
  async learnerFeed(token: string | undefined): Promise<string> {
    const userId = await this.tokens.ownerOf(token);
    const courseIds = await this.enrollments.learningCourseIds(userId);
    const name = 'Lịch học truyền hình — Lifelong';
    if (courseIds.length === 0) return this.render(name, []);
    const rows = await this.rows((query) =>
      query.andWhere('b.course_id IN (:...courseIds)', { courseIds }),
    );
    return this.render(name, rows);
  }

  private async rows(
    narrow: (query: SelectQueryBuilder<Broadcast>) => SelectQueryBuilder<Broadcast>,
  ): Promise<FeedRow[]> {
    const now = this.clock.now().getTime();
    const query = this.dataSource
      .getRepository(Broadcast)
      .createQueryBuilder('b')
      // Titles and status through the read models courses publishes for the schedule.
      .innerJoin('courses_view', 'c', "c.id = b.course_id AND c.status = 'published'")
      .innerJoin('lessons_view', 'l', 'l.id = b.lesson_id')
      .innerJoin(Channel, 'ch', 'ch.id = b.channel_id')
      .select([
        'b.id AS id',
        'b.starts_at AS starts_at',
        'b.ends_at AS ends_at',
        'b.status AS status',
        'b.revision AS revision',
        'b.updated_at AS updated_at',
        'b.course_id AS course_id',
        'l.title AS lesson_title',
        'c.title AS course_title',
        'ch.name AS channel_name',
      ])
      .where('b.starts_at >= :from AND b.starts_at < :to', {
        from: new Date(now - FEED_PAST_DAYS * 86_400_000),
        to: new Date(now + FEED_FUTURE_DAYS * 86_400_000),
      })
      .orderBy('b.starts_at', 'ASC')
      .limit(FEED_MAX_EVENTS);
    return narrow(query).getRawMany<FeedRow>();
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
