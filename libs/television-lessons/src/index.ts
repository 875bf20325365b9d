/**
 * Television lessons: channels carry broadcast slots of television lessons (one-off or by RFC
 * 5545 recurrence, never overlapping on a channel), published as JSON and iCalendar feeds (per
 * channel, and per learner behind a revocable token); attendance by an on-screen code or by
 * group at a community learning centre completes the lesson through enrollment (optionally
 * after a check quiz); a ready video of the lesson becomes the replay; reminders go out through
 * the outbox; broadcasters import schedules as CSV.
 *
 * Import {@link TelevisionLessonsModule} for the services; the api adds
 * {@link TelevisionLessonsHttpModule}, the worker {@link TelevisionLessonsWorkerModule}.
 * Builds on courses, enrollment and distance-lessons; nothing depends on it.
 */

/** Services for the routes, the jobs and the demo seeder; no other domain imports them. */
export { TelevisionLessonsModule } from './television-lessons.module';
/** The routes (api only). */
export { TelevisionLessonsHttpModule } from './television-lessons.http.module';
/** The reminder, sweep, check-settling and import jobs (worker only). */
export { TelevisionLessonsWorkerModule } from './television-lessons.worker.module';

/** Why the domain refused something, and its codes. */
export { TelevisionError, type TelevisionErrorCode } from './television-error';

/** The rows, for relations from other domains. */
export { Channel } from './channels/channel.entity';
export { Broadcast, BROADCAST_STATUSES, type BroadcastStatus } from './broadcasts/broadcast.entity';
export { BroadcastAttendance } from './attendance/attendance.entity';
/** The audit of group attendance: who recorded whom, where and when, and who voided it. */
export { GroupAttendanceRecord } from './attendance/group-attendance-record.entity';

/** Channels: create, list, find by code. */
export { ChannelsService, type NewChannel } from './channels/channels.service';
/** Scheduling, moving and cancelling slots under the channel lock. */
export {
  BroadcastScheduler,
  type BroadcastMove,
  type NewBroadcast,
} from './broadcasts/broadcast-scheduler.service';
/** The public schedule and one broadcast as its caller may see it. */
export { BroadcastReads } from './broadcasts/broadcast-reads.service';
/** Attendance by code and by group (staff of viewing facilities, at most 200 learners a call). */
export {
  AttendanceService,
  type AttendanceRecord,
  GROUP_ATTENDANCE_MAX,
  type GroupOutcome,
  type SkipReason,
  VIEWING_FACILITY_TYPES,
} from './attendance/attendance.service';
/** The course staff's view of group attendance: list the records, void one. */
export {
  GroupAttendanceRecords,
  type VoidOutcome,
} from './attendance/group-attendance-records.service';
/** Presence into lesson completion, and the check-quiz sweep. */
export { LessonCompletion, type PresenceOutcome } from './attendance/lesson-completion.service';
/** A television lesson's check quiz. */
export { LessonChecks } from './attendance/lesson-checks.service';
/** Replays. */
export { Replays } from './replays/replays.service';
/** Reminders: the handler's logic and the sweep. */
export {
  BroadcastReminders,
  REMINDER_CHUNK,
  type ReminderOutcome,
} from './reminders/broadcast-reminders.service';
/** Calendar feeds and learners' feed URLs. */
export { ScheduleCalendars } from './calendars/schedule-calendars.service';
export { ScheduleFeedTokens } from './calendars/schedule-feed-tokens.service';
/** Schedule CSV imports. */
export { RequestScheduleImport } from './schedule-import/request-schedule-import.service';
export { ImportScheduleJob } from './schedule-import/import-schedule.job';

/** Pure rules: slots, recurrence, attendance codes and windows, iCalendar rendering, CSV rows. */
export {
  MAX_OCCURRENCES,
  MAX_SLOT_HOURS,
  OFFSET_TIME,
  parseOffsetTime,
  slotProblem,
} from './broadcasts/slot.rules';
export { expandRecurrence, type Slot } from './broadcasts/recurrence';
export { CODE_ALPHABET, newAttendanceCode } from './broadcasts/attendance-code';
export { attendanceWindowProblem } from './attendance/attendance-window';
export { type Feed, type FeedEvent, renderFeed } from './calendars/ical-feed';
export { parseScheduleCsv, rowSlot } from './schedule-import/schedule-csv';
