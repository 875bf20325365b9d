import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Channel } from '../channels/channel.entity';
import { Broadcast } from './broadcast.entity';

/** A page of the public schedule: a time range, optionally one channel or one lesson. */
export interface SchedulePage {
  from: Date;
  to: Date;
  channelId?: string;
  lessonId?: string;
  page: number;
  pageSize: number;
}

/** One airing as a calendar feed shows it (raw columns). */
export interface FeedRow {
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

/** Which airings a feed holds: a channel's, or those of some courses. */
export type FeedScope = { channelId: string } | { courseIds: readonly string[] };

/** Queries on broadcasts. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class BroadcastsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (at the server's isolation level unless told). */
  transaction<T>(
    work: (manager: EntityManager) => Promise<T>,
    isolation?: IsolationLevel,
  ): Promise<T> {
    return isolation
      ? this.dataSource.transaction(isolation, work)
      : this.dataSource.transaction(work);
  }

  findById(id: string): Promise<Broadcast | null> {
    return this.dataSource.getRepository(Broadcast).findOneBy({ id });
  }

  findByIdOrFail(id: string, manager?: EntityManager): Promise<Broadcast> {
    return (manager ?? this.dataSource.manager).findOneByOrFail(Broadcast, { id });
  }

  /** Locks the broadcast row (`FOR UPDATE`) for the rest of the transaction. */
  lockById(manager: EntityManager, id: string): Promise<Broadcast | null> {
    return manager.findOne(Broadcast, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    manager: EntityManager,
    id: string,
    change: QueryDeepPartialEntity<Broadcast>,
  ): Promise<void> {
    await manager.update(Broadcast, id, change);
  }

  /**
   * Airings of published courses meeting the range (courses publish their status for the
   * schedule through `courses_view`), by start time, and how many there are.
   */
  async schedulePage(filter: SchedulePage): Promise<{ items: Broadcast[]; total: number }> {
    const query = this.dataSource
      .getRepository(Broadcast)
      .createQueryBuilder('b')
      .innerJoin('courses_view', 'c', "c.id = b.course_id AND c.status = 'published'")
      .where('b.startsAt < :to AND b.endsAt > :from', { from: filter.from, to: filter.to })
      .orderBy('b.startsAt', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    if (filter.channelId)
      query.andWhere('b.channelId = :channelId', { channelId: filter.channelId });
    if (filter.lessonId) query.andWhere('b.lessonId = :lessonId', { lessonId: filter.lessonId });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  /** The channel's scheduled slots meeting `from`–`to` (but `except`), in one query. */
  scheduledMeeting(
    manager: EntityManager,
    channelId: string,
    span: { from: Date; to: Date },
    except?: string,
  ): Promise<Broadcast[]> {
    const query = manager
      .createQueryBuilder(Broadcast, 'b')
      .select(['b.id', 'b.startsAt', 'b.endsAt'])
      .where('b.channelId = :channelId', { channelId })
      .andWhere("b.status = 'scheduled'")
      .andWhere('b.startsAt < :to', { to: span.to })
      .andWhere('b.endsAt > :from', { from: span.from });
    if (except) query.andWhere('b.id <> :except', { except });
    return query.getMany();
  }

  /** Whether the channel already airs this lesson in exactly this slot. */
  existsScheduled(
    manager: EntityManager,
    slot: { channelId: string; lessonId: string; startsAt: Date; endsAt: Date },
  ): Promise<boolean> {
    return manager.existsBy(Broadcast, { ...slot, status: 'scheduled' });
  }

  async insert(manager: EntityManager, rows: readonly Broadcast[]): Promise<void> {
    await manager.insert(Broadcast, [...rows]);
  }

  /** The broadcasts with these ids, by start time. */
  findByIds(manager: EntityManager, ids: readonly string[]): Promise<Broadcast[]> {
    return manager.find(Broadcast, {
      where: { id: In([...ids]) },
      order: { startsAt: 'ASC' },
    });
  }

  /** Scheduled airings whose reminder is due at `now` and not sent for their revision. */
  dueReminders(now: Date, limit: number): Promise<Pick<Broadcast, 'id' | 'revision'>[]> {
    return this.dataSource
      .getRepository(Broadcast)
      .createQueryBuilder('b')
      .select(['b.id', 'b.revision'])
      .where("b.status = 'scheduled'")
      .andWhere('b.remindAt <= :now AND b.startsAt > :now', { now })
      .andWhere('(b.remindedRevision IS NULL OR b.remindedRevision <> b.revision)')
      .orderBy('b.remindAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * A feed's airings of published courses starting in `from`–`to`, by start time, with titles
   * through the read models courses publishes for the schedule.
   */
  feedRows(scope: FeedScope, span: { from: Date; to: Date }, limit: number): Promise<FeedRow[]> {
    const query = this.dataSource
      .getRepository(Broadcast)
      .createQueryBuilder('b')
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
      .where('b.starts_at >= :from AND b.starts_at < :to', span)
      .orderBy('b.starts_at', 'ASC')
      .limit(limit);
    return narrowed(query, scope).getRawMany<FeedRow>();
  }
}

function narrowed(
  query: SelectQueryBuilder<Broadcast>,
  scope: FeedScope,
): SelectQueryBuilder<Broadcast> {
  return 'channelId' in scope
    ? query.andWhere('b.channel_id = :channelId', { channelId: scope.channelId })
    : query.andWhere('b.course_id IN (:...courseIds)', { courseIds: scope.courseIds });
}
