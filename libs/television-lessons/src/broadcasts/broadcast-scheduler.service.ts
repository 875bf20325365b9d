import { AppConfig, Clock, newId } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChannelAccess } from '../channels/channel-access.service';
import { ChannelsService } from '../channels/channels.service';
import { ReminderQueue } from '../reminders/reminder-queue.service';
import { TelevisionError } from '../television-error';
import type { Broadcast } from './broadcast.entity';
import { BroadcastsRepository } from './broadcasts.repository';
import { ChannelSchedule } from './channel-schedule.service';
import { LessonStaff } from './lesson-staff.service';
import { expandRecurrence, type Slot } from './recurrence';
import { slotProblem } from './slot.rules';

/** A slot to schedule, times already parsed (with their offsets) into instants. */
export interface NewBroadcast {
  channelId: string;
  lessonId: string;
  startsAt: Date;
  endsAt: Date;
  /** An RRULE that repeats the slot; COUNT or UNTIL required. */
  recurrence?: string;
}

/** A move: any of a new start, end or channel. */
export interface BroadcastMove {
  startsAt?: Date;
  endsAt?: Date;
  channelId?: string;
}

/**
 * Scheduling, moving and cancelling broadcasts, by the staff of the lesson's course who may also
 * schedule on the channel (see {@link ChannelAccess}). Each change runs under the channel lock
 * (see {@link ChannelSchedule}); reminders follow each change.
 */
@Injectable()
export class BroadcastScheduler {
  constructor(
    private readonly broadcasts: BroadcastsRepository,
    private readonly schedule: ChannelSchedule,
    private readonly staff: LessonStaff,
    private readonly channels: ChannelsService,
    private readonly channelAccess: ChannelAccess,
    private readonly reminders: ReminderQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Schedules one slot, or every slot of its recurrence; returns them in time order. */
  async create(principal: Principal, input: NewBroadcast): Promise<Broadcast[]> {
    assertSlot(input.startsAt, input.endsAt);
    const { lesson, course } = await this.staff.televisionLesson(input.lessonId);
    await this.staff.assertStaff(principal, course.facilityId);
    await this.assertMaySchedule(principal, input.channelId);
    const first = { startsAt: input.startsAt, endsAt: input.endsAt };
    const slots = input.recurrence ? await this.expand(input.recurrence, first) : [first];
    const created = await this.broadcasts.transaction(async (manager) => {
      await this.schedule.lockChannels(manager, [input.channelId]);
      await this.schedule.assertFree(manager, input.channelId, slots);
      return this.schedule.insert(manager, input.channelId, slots, {
        lessonId: lesson.lessonId,
        courseId: course.courseId,
        createdBy: principal.userId,
        seriesId: slots.length > 1 ? newId() : null,
        reminderLeadMs: this.leadMs(),
      });
    }, 'READ COMMITTED');
    for (const broadcast of created) await this.reminders.schedule(broadcast);
    return created;
  }

  /** Moves a slot that has not aired yet; its revision rises and its reminder moves with it. */
  async move(principal: Principal, broadcastId: string, move: BroadcastMove): Promise<Broadcast> {
    if (move.startsAt === undefined && move.endsAt === undefined && move.channelId === undefined)
      throw TelevisionError.invalid({ startsAt: ['Give a new startsAt, endsAt or channelId'] });
    const current = await this.changeable(principal, broadcastId);
    const startsAt = move.startsAt ?? current.startsAt;
    const endsAt = move.endsAt ?? current.endsAt;
    const channelId = move.channelId ?? current.channelId;
    if (channelId !== current.channelId) await this.assertMaySchedule(principal, channelId);
    assertSlot(startsAt, endsAt);
    const moved = await this.broadcasts.transaction(async (manager) => {
      await this.schedule.lockChannels(manager, [current.channelId, channelId]);
      const locked = await this.lockScheduled(manager, broadcastId);
      await this.schedule.assertFree(manager, channelId, [{ startsAt, endsAt }], broadcastId);
      await this.broadcasts.update(manager, broadcastId, {
        startsAt,
        endsAt,
        channelId,
        revision: locked.revision + 1,
        remindAt: new Date(startsAt.getTime() - this.leadMs()),
      });
      await recordEvent(manager, 'television.airings-changed', { broadcastIds: [broadcastId] });
      return this.broadcasts.findByIdOrFail(broadcastId, manager);
    }, 'READ COMMITTED');
    await this.reminders.drop(broadcastId, current.revision);
    await this.reminders.schedule(moved);
    return moved;
  }

  /** Cancels a slot that has not aired yet: it stays in feeds as cancelled; no reminder goes out. */
  async cancel(principal: Principal, broadcastId: string): Promise<void> {
    const current = await this.changeable(principal, broadcastId);
    await this.broadcasts.transaction(async (manager) => {
      await this.schedule.lockChannels(manager, [current.channelId]);
      const locked = await this.lockScheduled(manager, broadcastId);
      await this.broadcasts.update(manager, broadcastId, {
        status: 'cancelled',
        revision: locked.revision + 1,
      });
      await recordEvent(manager, 'television.airings-changed', { broadcastIds: [broadcastId] });
    }, 'READ COMMITTED');
    await this.reminders.drop(broadcastId, current.revision);
  }

  /**
   * The broadcast, if the caller is staff of its course, may schedule on its channel, and it is
   * scheduled and not over.
   */
  private async changeable(principal: Principal, broadcastId: string): Promise<Broadcast> {
    const broadcast = await this.broadcasts.findById(broadcastId);
    if (!broadcast) throw TelevisionError.broadcastNotFound(broadcastId);
    const { course } = await this.staff.lesson(broadcast.lessonId);
    await this.staff.assertStaff(principal, course.facilityId);
    await this.assertMaySchedule(principal, broadcast.channelId);
    assertChangeable(broadcast, this.clock.now());
    return broadcast;
  }

  /** 404 for a missing channel, 403 unless the caller may schedule on it. */
  private async assertMaySchedule(principal: Principal, channelId: string): Promise<void> {
    await this.channelAccess.assertMaySchedule(principal, await this.channels.get(channelId));
  }

  private async lockScheduled(manager: EntityManager, broadcastId: string): Promise<Broadcast> {
    const locked = await this.broadcasts.lockById(manager, broadcastId);
    if (!locked) throw TelevisionError.broadcastNotFound(broadcastId);
    assertChangeable(locked, this.clock.now());
    return locked;
  }

  private async expand(rule: string, first: Slot): Promise<Slot[]> {
    const expanded = await expandRecurrence(rule, first, this.config.television.timeZone);
    if (Array.isArray(expanded)) return expanded;
    if (expanded.kind === 'malformed')
      throw TelevisionError.invalid({ recurrence: [expanded.message] });
    throw new TelevisionError(
      expanded.kind === 'unbounded' ? 'RECURRENCE_UNBOUNDED' : 'RECURRENCE_TOO_LONG',
      expanded.message,
    );
  }

  private leadMs(): number {
    return this.config.television.reminderLeadMinutes * 60_000;
  }
}

/** 400 for an end before the start, 422 for a slot longer than allowed. */
export function assertSlot(startsAt: Date, endsAt: Date): void {
  const problem = slotProblem(startsAt, endsAt);
  if (!problem) return;
  if (problem.tooLong)
    throw new TelevisionError('BROADCAST_TOO_LONG', problem.message, {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
  throw TelevisionError.invalid({ [problem.field]: [problem.message] });
}

function assertChangeable(broadcast: Broadcast, now: Date): void {
  if (broadcast.status === 'cancelled')
    throw new TelevisionError('BROADCAST_CANCELLED', 'The broadcast is cancelled', {
      broadcastId: broadcast.id,
    });
  if (broadcast.endsAt.getTime() <= now.getTime())
    throw new TelevisionError('BROADCAST_AIRED', 'The broadcast has already aired', {
      broadcastId: broadcast.id,
    });
}
