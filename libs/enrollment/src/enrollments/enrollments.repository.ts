import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { sqlDateTime } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, MoreThan } from 'typeorm';
import { Enrollment } from './enrollment.entity';
import type { EnrollmentStatus } from './enrollment.rules';

/** Queries on enrollments. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class EnrollmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Enrollment's transactions run at READ COMMITTED: every read sees the newest committed rows
   * (a transaction that waited for a lock then counts what the other one wrote), and looking up
   * a row that does not exist yet locks no gap (two learners' first writes never deadlock).
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  findById(id: string, manager?: EntityManager): Promise<Enrollment | null> {
    return (manager ?? this.dataSource.manager).findOneBy(Enrollment, { id });
  }

  /** Locks the enrollment row (`FOR UPDATE`) for the rest of the transaction. */
  lockById(manager: EntityManager, id: string): Promise<Enrollment | null> {
    return manager.findOne(Enrollment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The learner's enrollment in the course; `lock` reads the newest version and locks it. */
  findByCourseAndUser(
    courseId: string,
    userId: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<Enrollment | null> {
    return (options.manager ?? this.dataSource.manager).findOne(Enrollment, {
      where: { courseId, userId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The longest-waiting learner of the course (by `enrolled_at`, then id), locked. */
  oldestWaitlisted(manager: EntityManager, courseId: string): Promise<Enrollment | null> {
    return manager.findOne(Enrollment, {
      where: { courseId, status: 'waitlisted' },
      order: { enrolledAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The enrollments of these users in the course, locked (`FOR UPDATE`). */
  lockByCourseAndUsers(
    manager: EntityManager,
    courseId: string,
    userIds: readonly string[],
  ): Promise<{ id: string; userId: string; status: EnrollmentStatus }[]> {
    return manager.query(
      'SELECT `id`, `user_id` AS userId, `status` FROM `enrollments` WHERE `course_id` = ? AND `user_id` IN (?) FOR UPDATE',
      [courseId, userIds],
    );
  }

  /** New mandated enrollments, active from `at`, in one multi-row insert. */
  async insertMandated(
    manager: EntityManager,
    courseId: string,
    enrollments: readonly { id: string; userId: string }[],
    at: Date,
  ): Promise<void> {
    const now = sqlDateTime(at);
    await manager.query(
      'INSERT INTO `enrollments` (`id`, `course_id`, `user_id`, `status`, `source`, `progress_percent`, `enrolled_at`) VALUES ?',
      [enrollments.map(({ id, userId }) => [id, courseId, userId, 'active', 'mandated', 0, now])],
    );
  }

  /**
   * Waitlisted or withdrawn enrollments become active: a waitlisted learner keeps their place
   * in time; a withdrawn one re-joins at `at`.
   */
  async reseat(manager: EntityManager, ids: readonly string[], at: Date): Promise<void> {
    await manager.query(
      "UPDATE `enrollments` SET `enrolled_at` = IF(`status` = 'withdrawn', ?, `enrolled_at`), `status` = 'active', `withdrawn_at` = NULL, `completed_at` = NULL WHERE `id` IN (?)",
      [sqlDateTime(at), ids],
    );
  }

  /** Completed enrollments among `ids` start over from `at`; returns how many did. */
  async restartCompleted(
    manager: EntityManager,
    ids: readonly string[],
    at: Date,
  ): Promise<number> {
    const result = await manager.query<{ affectedRows: number }>(
      "UPDATE `enrollments` SET `status` = 'active', `completed_at` = NULL, `progress_percent` = 0, `enrolled_at` = ? WHERE `id` IN (?) AND `status` = 'completed'",
      [sqlDateTime(at), ids],
    );
    return result.affectedRows;
  }

  async insert(manager: EntityManager, enrollment: Enrollment): Promise<void> {
    await manager.insert(Enrollment, enrollment);
  }

  /** Writes the enrollment's state (status, times, progress) back. */
  async update(manager: EntityManager, enrollment: Enrollment): Promise<void> {
    const { status, source, progressPercent, enrolledAt, completedAt, withdrawnAt } = enrollment;
    await manager.update(
      Enrollment,
      { id: enrollment.id },
      { status, source, progressPercent, enrolledAt, completedAt, withdrawnAt },
    );
  }

  async setProgress(
    manager: EntityManager,
    id: string,
    change: { progressPercent: number; status?: EnrollmentStatus; completedAt?: Date },
  ): Promise<void> {
    await manager.update(Enrollment, { id }, change);
  }

  /** A learner's enrollments, newest first (index `ix_enrollments_user`). */
  async pageOfUser(userId: string, query: PageQuery): Promise<Page<Enrollment>> {
    const [items, total] = await this.dataSource.getRepository(Enrollment).findAndCount({
      where: { userId },
      order: { enrolledAt: 'DESC', id: 'DESC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return toPage(items, total, query);
  }

  /** Which of `userIds` have an enrollment in `statuses` in the course (index `uq_enrollments_course_user`). */
  async userIdsAmong(
    courseId: string,
    statuses: readonly EnrollmentStatus[],
    userIds: readonly string[],
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(Enrollment).find({
      select: { userId: true },
      where: { courseId, status: In([...statuses]), userId: In([...userIds]) },
    });
    return rows.map((row) => row.userId);
  }

  /** The next `limit` users after `afterUserId`, by id, with an enrollment in `statuses`. */
  async userIdsAfter(
    courseId: string,
    statuses: readonly EnrollmentStatus[],
    afterUserId: string,
    limit: number,
    manager?: EntityManager,
  ): Promise<string[]> {
    const rows = await (manager ?? this.dataSource.manager).find(Enrollment, {
      select: { userId: true },
      where: { courseId, status: In([...statuses]), userId: MoreThan(afterUserId) },
      order: { userId: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.userId);
  }

  /** The courses the user has an enrollment in `statuses` in (index `ix_enrollments_user`). */
  async courseIdsOfUser(userId: string, statuses: readonly EnrollmentStatus[]): Promise<string[]> {
    const rows = await this.dataSource.getRepository(Enrollment).find({
      select: { courseId: true },
      where: { userId, status: In([...statuses]) },
    });
    return rows.map((row) => row.courseId);
  }
}
