import { Module } from '@nestjs/common';
import { BroadcastsController } from './http/broadcasts.controller';
import { ChannelsController } from './http/channels.controller';
import { GroupAttendanceController } from './http/group-attendance.controller';
import { LessonChecksController } from './http/lesson-checks.controller';
import { ScheduleFeedController } from './http/schedule-feed.controller';
import { TelevisionLessonsModule } from './television-lessons.module';

/** Channels, broadcasts, calendars, attendance, replays and schedule imports (api only). */
@Module({
  imports: [TelevisionLessonsModule],
  controllers: [
    ChannelsController,
    BroadcastsController,
    ScheduleFeedController,
    LessonChecksController,
    GroupAttendanceController,
  ],
})
export class TelevisionLessonsHttpModule {}
