import { chunksOf, newId } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChannelsRepository } from '../channels/channels.repository';
import { TelevisionError } from '../television-error';
import { newAttendanceCode } from './attendance-code';
import { Broadcast } from './broadcast.entity';
import { BroadcastsRepository } from './broadcasts.repository';
import type { Slot } from './recurrence';
import { firstSelfOverlap, overlaps } from './slot.rules';

/** What a new slot needs besides its times. */
export interface SlotOwner {
  lessonId: string;
  courseId: string;
  createdBy: string;
  seriesId: string | null;
  /** How long before air time the reminder goes out. */
  reminderLeadMs: number;
}

/**
 * The one place slots are written. Every change takes the channel row's lock first (`SELECT …
 * FOR UPDATE`), then checks overlap against the channel's scheduled slots: concurrent
 * schedulers of one channel queue on that lock, so two overlapping slots can never both commit.
 */
@Injectable()
export class ChannelSchedule {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly broadcasts: BroadcastsRepository,
  ) {}

  /** Locks the channels (in id order, so two movers never deadlock); 404 for a missing one. */
  async lockChannels(manager: EntityManager, channelIds: readonly string[]): Promise<void> {
    const ids = [...new Set(channelIds)].sort();
    const found = await this.channels.lockIds(manager, ids);
    const missing = ids.find((id) => !found.includes(id));
    if (missing) throw TelevisionError.channelNotFound(missing);
  }

  /** 409 `BROADCAST_OVERLAP` when a slot meets a scheduled slot of the channel (but `except`). */
  async assertFree(
    manager: EntityManager,
    channelId: string,
    slots: readonly Slot[],
    except?: string,
  ): Promise<void> {
    const self = firstSelfOverlap(slots);
    if (self) throw overlapError(self[1], null);
    const from = new Date(Math.min(...slots.map((slot) => slot.startsAt.getTime())));
    const to = new Date(Math.max(...slots.map((slot) => slot.endsAt.getTime())));
    // Every scheduled slot meeting the span of the new ones, in one query.
    const taken = await this.broadcasts.scheduledMeeting(manager, channelId, { from, to }, except);
    for (const slot of slots) {
      const clash = taken.find((other) => overlaps(slot, other));
      if (clash) throw overlapError(slot, clash.id);
    }
  }

  /** Inserts the slots (the channel is locked and checked by the caller); returns the rows. */
  async insert(
    manager: EntityManager,
    channelId: string,
    slots: readonly Slot[],
    owner: SlotOwner,
  ): Promise<Broadcast[]> {
    const rows = slots.map((slot) =>
      Object.assign(new Broadcast(), {
        id: newId(),
        channelId,
        lessonId: owner.lessonId,
        courseId: owner.courseId,
        seriesId: owner.seriesId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: 'scheduled',
        attendanceCode: newAttendanceCode(),
        revision: 0,
        replayVideoId: null,
        remindAt: new Date(slot.startsAt.getTime() - owner.reminderLeadMs),
        remindedRevision: null,
        remindedAt: null,
        createdBy: owner.createdBy,
      }),
    );
    for (const chunk of chunksOf(rows, 500)) {
      await this.broadcasts.insert(manager, chunk);
      // The programme's figures count airings.
      await recordEvent(manager, 'television.airings-changed', {
        broadcastIds: chunk.map((row) => row.id),
      });
    }
    return this.broadcasts.findByIds(
      manager,
      rows.map((row) => row.id),
    );
  }
}

function overlapError(slot: Slot, conflictingBroadcastId: string | null): TelevisionError {
  return new TelevisionError(
    'BROADCAST_OVERLAP',
    conflictingBroadcastId
      ? 'The channel already airs something at that time'
      : 'Two slots of the recurrence overlap each other',
    {
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      conflictingBroadcastId,
    },
  );
}
