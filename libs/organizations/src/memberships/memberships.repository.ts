import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity';
import type { CurrentMembership } from '../staff-import/staff-batch-plan';
import { subtreePattern } from '../tree/tree-path';
import { Membership } from './membership.entity';

/** A staff profile's employee code. */
export interface EmployeeCode {
  userId: string;
  employeeCode: string;
}

/** A membership an import starts: one row of a multi-row insert. */
export interface StartedMembership {
  id: string;
  userId: string;
  orgUnitId: string;
  position: string | null;
  jobGrade: string | null;
}

/**
 * Queries on memberships and staff profiles. Methods taking a manager run in the caller's
 * transaction.
 */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The person's current membership, its row locked (`FOR UPDATE`). */
  lockCurrent(manager: EntityManager, userId: string): Promise<Membership | null> {
    return manager
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .setLock('pessimistic_write')
      .where('membership.currentUserId = :userId', { userId })
      .getOne();
  }

  async end(manager: EntityManager, id: string, endedAt: Date): Promise<void> {
    await manager.getRepository(Membership).update({ id }, { endedAt, currentUserId: null });
  }

  /** Starts a membership; returns it as stored. */
  async start(
    manager: EntityManager,
    fields: Omit<Membership, 'user' | 'orgUnit'>,
  ): Promise<Membership> {
    const repository = manager.getRepository(Membership);
    const membership = repository.create(fields);
    await repository.insert(membership);
    return membership;
  }

  findCurrent(userId: string): Promise<Membership | null> {
    return this.dataSource.getRepository(Membership).findOneBy({ currentUserId: userId });
  }

  /** Current memberships of these people (one query). */
  currentOf(userIds: readonly string[]): Promise<Membership[]> {
    return this.dataSource.getRepository(Membership).findBy({ currentUserId: In([...userIds]) });
  }

  /** Every membership the person held, oldest first. */
  history(userId: string): Promise<Membership[]> {
    return this.dataSource
      .getRepository(Membership)
      .find({ where: { userId }, order: { startedAt: 'ASC', id: 'ASC' } });
  }

  /** Current members of the units under this path, by user (index-backed). */
  async currentWithin(orgUnitPath: string, query: PageQuery): Promise<Page<Membership>> {
    const [items, total] = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoin(OrgUnit, 'unit', 'unit.id = membership.orgUnitId')
      .where('unit.path LIKE :pattern', { pattern: subtreePattern(orgUnitPath) })
      .andWhere('membership.endedAt IS NULL')
      .orderBy('membership.userId', 'ASC')
      .offset(pageOffset(query))
      .limit(query.pageSize)
      .getManyAndCount();
    return toPage(items, total, query);
  }

  /** The org units of the person's current memberships (one index range on `current_user_id`). */
  async currentOrgUnitIds(userId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ orgUnitId: string }[]>(
      'SELECT `org_unit_id` AS orgUnitId FROM `memberships` WHERE `current_user_id` = ?',
      [userId],
    );
    return rows.map((row) => row.orgUnitId);
  }

  profilesByEmployeeCodes(
    manager: EntityManager,
    codes: readonly string[],
  ): Promise<EmployeeCode[]> {
    return manager.query<EmployeeCode[]>(
      'SELECT `user_id` AS userId, `employee_code` AS employeeCode FROM `staff_profiles` WHERE `employee_code` IN (?)',
      [codes],
    );
  }

  profilesOfUsers(manager: EntityManager, userIds: readonly string[]): Promise<EmployeeCode[]> {
    return manager.query<EmployeeCode[]>(
      'SELECT `user_id` AS userId, `employee_code` AS employeeCode FROM `staff_profiles` WHERE `user_id` IN (?)',
      [userIds],
    );
  }

  /** These people's current memberships, with their unit's path. */
  currentPlacements(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<CurrentMembership[]> {
    return manager.query<CurrentMembership[]>(
      'SELECT m.`id`, m.`user_id` AS userId, m.`org_unit_id` AS orgUnitId, m.`position`, m.`job_grade` AS jobGrade, o.`path` AS orgUnitPath FROM `memberships` m JOIN `org_units` o ON o.`id` = m.`org_unit_id` WHERE m.`current_user_id` IN (?)',
      [userIds],
    );
  }

  async insertProfiles(manager: EntityManager, profiles: readonly EmployeeCode[]): Promise<void> {
    await manager.query('INSERT INTO `staff_profiles` (`user_id`, `employee_code`) VALUES ?', [
      profiles.map((profile) => [profile.userId, profile.employeeCode]),
    ]);
  }

  /** Ends these memberships at `endedAt` (a `sqlDateTime` string). */
  async endAll(manager: EntityManager, ids: readonly string[], endedAt: string): Promise<void> {
    await manager.query(
      'UPDATE `memberships` SET `ended_at` = ?, `current_user_id` = NULL WHERE `id` IN (?)',
      [endedAt, ids],
    );
  }

  /** Starts these memberships at `startedAt` (a `sqlDateTime` string), each current. */
  async startAll(
    manager: EntityManager,
    memberships: readonly StartedMembership[],
    startedAt: string,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO `memberships` (`id`, `user_id`, `org_unit_id`, `position`, `job_grade`, `started_at`, `current_user_id`) VALUES ?',
      [
        memberships.map((membership) => [
          membership.id,
          membership.userId,
          membership.orgUnitId,
          membership.position,
          membership.jobGrade,
          startedAt,
          membership.userId,
        ]),
      ],
    );
  }
}
