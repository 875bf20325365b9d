import { Clock } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { TelevisionError } from '../television-error';
import type { Broadcast } from './broadcast.entity';
import { BroadcastsRepository } from './broadcasts.repository';
import { LessonStaff } from './lesson-staff.service';

/**
 * The public schedule's filter: a time range and optionally a channel or a lesson. Without `from` the range
 * starts now; without `to` it runs {@link DEFAULT_RANGE_DAYS} days from `from`.
 */
export interface ScheduleFilter {
  from?: Date;
  to?: Date;
  channelId?: string;
  /** The airings of one television lesson (a learner's player lists them). */
  lessonId?: string;
  page: number;
  pageSize: number;
}

/** A broadcast as a caller may see it: the attendance code only for the course's staff. */
export interface BroadcastView {
  broadcast: Broadcast;
  showCode: boolean;
}

/** The longest range one schedule request may span. */
export const MAX_RANGE_DAYS = 93;
/** The week ahead: what a learner opening the schedule wants to see. */
export const DEFAULT_RANGE_DAYS = 7;

/**
 * The public schedule: broadcasts of published courses, scheduled or cancelled (so a client
 * learns of a cancellation), by start time.
 */
@Injectable()
export class BroadcastReads {
  constructor(
    private readonly broadcasts: BroadcastsRepository,
    private readonly staff: LessonStaff,
    private readonly clock: Clock,
  ) {}

  async list(range: ScheduleFilter): Promise<{ items: Broadcast[]; total: number }> {
    const from = range.from ?? this.clock.now();
    const filter = {
      ...range,
      from,
      to: range.to ?? new Date(from.getTime() + DEFAULT_RANGE_DAYS * 86_400_000),
    };
    if (filter.to.getTime() <= filter.from.getTime())
      throw TelevisionError.invalid({ to: ['to must be after from'] });
    if (filter.to.getTime() - filter.from.getTime() > MAX_RANGE_DAYS * 86_400_000)
      throw TelevisionError.invalid({ to: [`A range spans at most ${MAX_RANGE_DAYS} days`] });
    return this.broadcasts.schedulePage(filter);
  }

  /** One broadcast: staff of its course see it always (with its code); others when published. */
  async one(principal: Principal | null, broadcastId: string): Promise<BroadcastView> {
    const broadcast = await this.broadcasts.findById(broadcastId);
    if (!broadcast) throw TelevisionError.broadcastNotFound(broadcastId);
    const { course } = await this.staff.lesson(broadcast.lessonId);
    const showCode = await this.staff.isStaff(principal, course.facilityId);
    if (!showCode && course.status !== 'published')
      throw TelevisionError.broadcastNotFound(broadcastId);
    return { broadcast, showCode };
  }
}
