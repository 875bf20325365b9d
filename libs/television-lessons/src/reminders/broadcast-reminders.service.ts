import { Clock, JobQueue } from '@lifelong/common';
import { CourseOutline } from '@lifelong/courses';
import { recordEvent } from '@lifelong/database';
import { EnrollmentLookup } from '@lifelong/enrollment';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Broadcast } from '../broadcasts/broadcast.entity';
import { BroadcastsRepository } from '../broadcasts/broadcasts.repository';
import { ChannelsRepository } from '../channels/channels.repository';
import { reminderJobId } from './reminder-queue.service';

/** Recipients per `broadcast.reminder` event (the event's contract). */
export const REMINDER_CHUNK = 1_000;
/** A delayed job this early (clock skew) leaves the reminder to the sweep. */
const EARLY_TOLERANCE_MS = 60_000;
/** Due reminders queued per sweep run. */
const SWEEP_BATCH = 1_000;

export type ReminderOutcome = 'sent' | 'stale' | 'early' | 'too_late';

/**
 * Sends broadcast reminders as `broadcast.reminder` outbox events (notifications renders and
 * delivers them). The broadcast row decides, under its lock: a cancelled slot, a moved slot
 * (another revision) or an already sent revision sends nothing. The audience is read when the
 * reminder fires, so a learner who enrolled after scheduling is reminded too.
 */
@Injectable()
export class BroadcastReminders {
  constructor(
    private readonly broadcasts: BroadcastsRepository,
    private readonly channels: ChannelsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly enrollments: EnrollmentLookup,
    private readonly outline: CourseOutline,
  ) {}

  async remind(broadcastId: string, revision: number): Promise<ReminderOutcome> {
    return this.broadcasts.transaction(async (manager) => {
      const broadcast = await this.broadcasts.lockById(manager, broadcastId);
      if (
        !broadcast ||
        broadcast.status !== 'scheduled' ||
        broadcast.revision !== revision ||
        broadcast.remindedRevision === revision
      )
        return 'stale';
      const now = this.clock.now();
      if (now.getTime() < broadcast.remindAt.getTime() - EARLY_TOLERANCE_MS) return 'early';
      let outcome: ReminderOutcome = 'too_late';
      if (now.getTime() < broadcast.startsAt.getTime()) {
        await this.recordReminders(manager, broadcast);
        outcome = 'sent';
      }
      await this.broadcasts.update(manager, broadcastId, {
        remindedRevision: revision,
        remindedAt: now,
      });
      return outcome;
    }, 'READ COMMITTED');
  }

  /**
   * Queues every due reminder not yet sent (its delayed job lost, or never queued because Redis
   * was away). Job ids carry the minute, so a failed earlier run never blocks a later one;
   * a reminder queued twice is sent once (the row lock and `remindedRevision`).
   */
  async sweep(): Promise<{ queued: number }> {
    const now = this.clock.now();
    const due = await this.broadcasts.dueReminders(now, SWEEP_BATCH);
    const minute = Math.floor(now.getTime() / 60_000);
    await this.jobs.enqueueBulk(
      'television.remind-broadcast',
      due.map((broadcast) => ({
        payload: { broadcastId: broadcast.id, revision: broadcast.revision },
        options: { jobId: `${reminderJobId(broadcast.id, broadcast.revision)}-sweep-${minute}` },
      })),
    );
    return { queued: due.length };
  }

  private async recordReminders(manager: EntityManager, broadcast: Broadcast): Promise<void> {
    const [course, lesson, channel] = await Promise.all([
      this.outline.course(broadcast.courseId, manager),
      this.outline.lesson(broadcast.lessonId, manager),
      this.channels.findByIdOrFail(broadcast.channelId, manager),
    ]);
    if (!course || !lesson)
      throw new Error(`Broadcast ${broadcast.id}: its course or lesson is gone`);
    let after = '';
    for (;;) {
      const recipientIds = await this.enrollments.learnersAfter(
        broadcast.courseId,
        after,
        REMINDER_CHUNK,
        manager,
      );
      if (recipientIds.length === 0) return;
      await recordEvent(manager, 'broadcast.reminder', {
        broadcastId: broadcast.id,
        recipientIds,
        courseId: course.courseId,
        courseTitle: course.title,
        lessonTitle: lesson.title,
        channelName: channel.name,
        startsAt: broadcast.startsAt.toISOString(),
      });
      if (recipientIds.length < REMINDER_CHUNK) return;
      after = recipientIds[recipientIds.length - 1]!;
    }
  }
}
