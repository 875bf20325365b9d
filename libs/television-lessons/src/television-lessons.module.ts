import { CoursesModule } from '@lifelong/courses';
import { DistanceLessonsModule } from '@lifelong/distance-lessons';
import { EnrollmentModule } from '@lifelong/enrollment';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BroadcastAttendance } from './attendance/attendance.entity';
import { AttendanceService } from './attendance/attendance.service';
import { AttendancesRepository } from './attendance/attendances.repository';
import { CodeGuessThrottle } from './attendance/code-guess-throttle.service';
import { GroupAttendanceRecord } from './attendance/group-attendance-record.entity';
import { GroupAttendanceRecordsRepository } from './attendance/group-attendance-records.repository';
import { GroupAttendanceRecords } from './attendance/group-attendance-records.service';
import { TelevisionLessonCheck } from './attendance/lesson-check.entity';
import { LessonChecksRepository } from './attendance/lesson-checks.repository';
import { LessonChecks } from './attendance/lesson-checks.service';
import { LessonCompletion } from './attendance/lesson-completion.service';
import { BroadcastReads } from './broadcasts/broadcast-reads.service';
import { BroadcastScheduler } from './broadcasts/broadcast-scheduler.service';
import { Broadcast } from './broadcasts/broadcast.entity';
import { BroadcastsRepository } from './broadcasts/broadcasts.repository';
import { ChannelSchedule } from './broadcasts/channel-schedule.service';
import { LessonStaff } from './broadcasts/lesson-staff.service';
import { ScheduleCalendars } from './calendars/schedule-calendars.service';
import { ScheduleFeedToken } from './calendars/schedule-feed-token.entity';
import { ScheduleFeedTokensRepository } from './calendars/schedule-feed-tokens.repository';
import { ScheduleFeedTokens } from './calendars/schedule-feed-tokens.service';
import { ChannelAccess } from './channels/channel-access.service';
import { Channel } from './channels/channel.entity';
import { ChannelsRepository } from './channels/channels.repository';
import { ChannelsService } from './channels/channels.service';
import { BroadcastReminders } from './reminders/broadcast-reminders.service';
import { ReminderQueue } from './reminders/reminder-queue.service';
import { Replays } from './replays/replays.service';
import { RequestScheduleImport } from './schedule-import/request-schedule-import.service';
import { ScheduleImportError } from './schedule-import/schedule-import-error.entity';
import { ScheduleImportReports } from './schedule-import/schedule-import-report.service';
import { ScheduleImport } from './schedule-import/schedule-import.entity';
import { ScheduleImportsRepository } from './schedule-import/schedule-imports.repository';

/** What this lib's controllers and jobs, and the demo seeder, use. */
const SERVICES = [
  AttendanceService,
  BroadcastReads,
  BroadcastReminders,
  BroadcastScheduler,
  ChannelAccess,
  ChannelSchedule,
  ChannelsService,
  GroupAttendanceRecords,
  LessonChecks,
  LessonCompletion,
  LessonStaff,
  ReminderQueue,
  Replays,
  RequestScheduleImport,
  ScheduleCalendars,
  ScheduleFeedTokens,
  ScheduleImportReports,
];

/** The queries the worker's schedule import shares with the services. */
const SHARED_REPOSITORIES = [BroadcastsRepository, ChannelsRepository, ScheduleImportsRepository];

/** Stays inside: only attendance by code counts wrong guesses; the other queries. */
const INTERNAL = [
  CodeGuessThrottle,
  AttendancesRepository,
  GroupAttendanceRecordsRepository,
  LessonChecksRepository,
  ScheduleFeedTokensRepository,
];

/**
 * Television lessons: channels, broadcast slots, calendars, attendance, replays, reminders and
 * schedule imports. Needs courses, enrollment and distance-lessons (replay videos), identity,
 * organizations' global scope binding, Clock, AppConfig, the job queue and the database.
 */
@Module({
  imports: [
    IdentityModule,
    CoursesModule,
    EnrollmentModule,
    DistanceLessonsModule,
    TypeOrmModule.forFeature([
      Channel,
      Broadcast,
      BroadcastAttendance,
      GroupAttendanceRecord,
      TelevisionLessonCheck,
      ScheduleFeedToken,
      ScheduleImport,
      ScheduleImportError,
    ]),
  ],
  providers: [...SERVICES, ...SHARED_REPOSITORIES, ...INTERNAL],
  exports: [...SERVICES, ...SHARED_REPOSITORIES],
})
export class TelevisionLessonsModule {}
