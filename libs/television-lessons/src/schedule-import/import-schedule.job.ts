import { AppConfig, Clock, JobHandler, type JobPayloads } from '@lifelong/common';
import { CourseOutline, type CourseFacts } from '@lifelong/courses';
import { type Principal, UserLookup } from '@lifelong/identity';
import { Injectable, Logger } from '@nestjs/common';
import { BroadcastsRepository } from '../broadcasts/broadcasts.repository';
import { ChannelSchedule } from '../broadcasts/channel-schedule.service';
import { LessonStaff } from '../broadcasts/lesson-staff.service';
import { ChannelAccess } from '../channels/channel-access.service';
import { ChannelsRepository } from '../channels/channels.repository';
import { slotProblem } from '../broadcasts/slot.rules';
import { ReminderQueue } from '../reminders/reminder-queue.service';
import { TelevisionError } from '../television-error';
import { type LineError, parseScheduleCsv, rowSlot, type ScheduleRow } from './schedule-csv';
import { ScheduleImportsRepository } from './schedule-imports.repository';

type RowOutcome = 'created' | 'unchanged' | LineError;

interface LessonTarget {
  lessonId: string;
  courseId: string;
}

/**
 * Runs one schedule CSV import, line by line, each slot in its own transaction under the channel
 * lock (the same overlap guarantee as the route). A line already on the schedule (same channel,
 * lesson, start and end) is counted unchanged, so running the same file again creates nothing
 * twice. The channel and each row are checked against the importer's grants as they are now.
 */
@Injectable()
export class ImportScheduleJob {
  private readonly logger = new Logger(ImportScheduleJob.name);

  constructor(
    private readonly imports: ScheduleImportsRepository,
    private readonly broadcasts: BroadcastsRepository,
    private readonly channels: ChannelsRepository,
    private readonly schedule: ChannelSchedule,
    private readonly staff: LessonStaff,
    private readonly channelAccess: ChannelAccess,
    private readonly reminders: ReminderQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly users: UserLookup,
    private readonly outline: CourseOutline,
  ) {}

  @JobHandler('television.import-schedule')
  async run(payload: JobPayloads['television.import-schedule']): Promise<string> {
    const found = await this.imports.findById(payload.importId);
    if (!found || found.status === 'completed' || found.status === 'failed' || !found.content)
      return 'skipped';
    await this.imports.markRunning(found.id);
    const parsed = parseScheduleCsv(found.content);
    if ('failure' in parsed) {
      await this.finish(found.id, {
        failure: parsed.failure,
        counts: { total: 0, created: 0, unchanged: 0 },
        errors: [],
      });
      return 'failed';
    }
    const importer = await this.users.principalOf(found.requestedBy);
    const channel = await this.channels.findById(found.channelId);
    if (!channel || !(await this.channelAccess.maySchedule(importer, channel))) {
      await this.finish(found.id, {
        failure: 'you may no longer schedule on this channel',
        counts: { total: parsed.rows.length, created: 0, unchanged: 0 },
        errors: [],
      });
      return 'failed';
    }
    const seen = new Map<string, number>();
    const courses = new Map<string, Promise<CourseFacts | null>>();
    const errors: LineError[] = [];
    const counts = { total: parsed.rows.length, created: 0, unchanged: 0 };
    for (const row of parsed.rows) {
      const outcome =
        'message' in row
          ? row
          : await this.importRow(found.channelId, importer, row, seen, courses);
      if (outcome === 'created') counts.created += 1;
      else if (outcome === 'unchanged') counts.unchanged += 1;
      else errors.push(outcome);
    }
    await this.finish(found.id, { failure: null, counts, errors });
    return 'completed';
  }

  private async importRow(
    channelId: string,
    importer: Principal,
    row: ScheduleRow,
    seen: Map<string, number>,
    courses: Map<string, Promise<CourseFacts | null>>,
  ): Promise<RowOutcome> {
    const fail = (message: string): LineError => ({ line: row.line, message });
    const slot = rowSlot(row, this.config.television.timeZone);
    if ('problem' in slot) return fail(slot.problem);
    const problem = slotProblem(slot.startsAt, slot.endsAt);
    if (problem) return fail(problem.message);
    if (!courses.has(row.course)) courses.set(row.course, this.outline.courseNamed(row.course));
    const course = await courses.get(row.course)!;
    if (!course) return fail(`unknown course code "${row.course}"`);
    if (!(await this.staff.isStaff(importer, course.facilityId)))
      return fail(`you are not staff of course "${row.course}"`);
    const target = await this.lessonOf(course.courseId, row.lesson);
    if (typeof target === 'string') return fail(target);
    const key = `${target.lessonId}|${slot.startsAt.toISOString()}|${slot.endsAt.toISOString()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) return fail(`duplicates line ${earlier}`);
    seen.set(key, row.line);
    try {
      const created = await this.broadcasts.transaction(async (manager) => {
        await this.schedule.lockChannels(manager, [channelId]);
        const same = await this.broadcasts.existsScheduled(manager, {
          channelId,
          lessonId: target.lessonId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
        });
        if (same) return null;
        await this.schedule.assertFree(manager, channelId, [slot]);
        const [broadcast] = await this.schedule.insert(manager, channelId, [slot], {
          ...target,
          createdBy: importer.userId,
          seriesId: null,
          reminderLeadMs: this.config.television.reminderLeadMinutes * 60_000,
        });
        return broadcast!;
      }, 'READ COMMITTED');
      if (!created) return 'unchanged';
      await this.reminders.schedule(created);
      return 'created';
    } catch (error) {
      if (error instanceof TelevisionError && error.code === 'BROADCAST_OVERLAP') {
        const other = error.details?.conflictingBroadcastId;
        return fail(
          `overlaps broadcast ${typeof other === 'string' ? other : 'already on the channel'}`,
        );
      }
      throw error;
    }
  }

  /** The lesson named by id or by title within the course, if it is a television lesson. */
  private async lessonOf(courseId: string, named: string): Promise<LessonTarget | string> {
    const lessons = await this.outline.lessons(courseId);
    const lesson =
      lessons.find((candidate) => candidate.lessonId === named) ??
      lessons.find(
        (candidate) => candidate.title.trim().toLowerCase() === named.trim().toLowerCase(),
      );
    if (!lesson) return `unknown lesson "${named}" in the course`;
    if (lesson.kind !== 'television') return `lesson "${named}" is not a television lesson`;
    return { lessonId: lesson.lessonId, courseId };
  }

  private async finish(
    importId: string,
    end: {
      failure: string | null;
      counts: { total: number; created: number; unchanged: number };
      errors: LineError[];
    },
  ): Promise<void> {
    await this.imports.transaction(async (manager) => {
      if (end.errors.length > 0)
        await this.imports.insertErrors(
          manager,
          importId,
          end.errors.map((error) => ({ line: error.line, message: error.message.slice(0, 500) })),
        );
      await this.imports.update(manager, importId, {
        status: end.failure ? 'failed' : 'completed',
        failure: end.failure,
        ...end.counts,
        failed: end.errors.length,
        content: null,
        finishedAt: this.clock.now(),
      });
    });
    this.logger.log(`Schedule import ${importId} ${end.failure ? 'failed' : 'completed'}`);
  }
}
