import { pageOffset, type PageQuery } from '@lifelong/common';
import { subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AssignmentStatus } from './assignment-status';
import { type SqlCondition, TARGET_FROM } from './target-query';

/** An assignment row as the learner and their managers see it (the holder included). */
export interface AssignmentRecord {
  id: string;
  requirementId: string;
  requirementVersion: number;
  title: string;
  courseId: string;
  enrollmentId: string | null;
  assignedAt: Date;
  dueAt: Date | null;
  status: AssignmentStatus;
  completedAt: Date | null;
  expiresAt: Date | null;
  closedAt: Date | null;
  certificateSerial: string | null;
  userId: string;
}

/** A current member of staff, where they work. */
export interface StaffMemberRow {
  userId: string;
  fullName: string;
  orgUnitId: string;
  position: string | null;
  jobGrade: string | null;
}

/** What narrows "my staff" besides the unit (`q` already folded to a search query). */
export interface StaffCriteria {
  status?: AssignmentStatus;
  position?: string;
  text: string | null;
}

const VIEW_COLUMNS = `a.\`id\`, a.\`requirement_id\` AS requirementId,
  a.\`requirement_version\` AS requirementVersion, v.\`title\`, v.\`course_id\` AS courseId,
  a.\`enrollment_id\` AS enrollmentId, a.\`assigned_at\` AS assignedAt, a.\`due_at\` AS dueAt,
  a.\`status\`, a.\`completed_at\` AS completedAt, a.\`expires_at\` AS expiresAt,
  a.\`closed_at\` AS closedAt, a.\`certificate_serial\` AS certificateSerial, a.\`user_id\` AS userId`;

/** The title and course are read from the version each assignment is under. */
const VIEW_FROM = `FROM \`training_assignments\` a JOIN \`training_requirement_versions\` v
  ON v.\`requirement_id\` = a.\`requirement_id\` AND v.\`version\` = a.\`requirement_version\``;

/** How a learner's own list is ordered. */
export const MY_ASSIGNMENTS_SORTS = ['recent', 'due'] as const;
export type MyAssignmentsSort = (typeof MY_ASSIGNMENTS_SORTS)[number];

const MINE_ORDER: Record<MyAssignmentsSort, string> = {
  recent: 'a.`assigned_at` DESC, a.`cycle` DESC',
  due: `a.\`closed_at\` IS NOT NULL,
    FIELD(a.\`status\`, 'overdue', 'expired', 'in_progress', 'assigned', 'completed'),
    a.\`due_at\` IS NULL, a.\`due_at\`, a.\`assigned_at\` DESC, a.\`id\``,
};

/** Reads of assignments and of the people requirements target. */
@Injectable()
export class AssignmentReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of the learner's assignments, history included, in `sort` order. */
  pageOfUser(
    userId: string,
    query: PageQuery,
    sort: MyAssignmentsSort,
  ): Promise<AssignmentRecord[]> {
    return this.dataSource.query<AssignmentRecord[]>(
      `SELECT ${VIEW_COLUMNS} ${VIEW_FROM} WHERE a.\`user_id\` = ?
       ORDER BY ${MINE_ORDER[sort]} LIMIT ? OFFSET ?`,
      [userId, query.pageSize, pageOffset(query)],
    );
  }

  async countOfUser(userId: string): Promise<number> {
    const [{ total }] = await this.dataSource.query<[{ total: number | string }]>(
      'SELECT COUNT(*) AS total FROM `training_assignments` WHERE `user_id` = ?',
      [userId],
    );
    return Number(total);
  }

  /**
   * A page of the current members of the subtree at `unitPath` matching the criteria (those with
   * an overdue assignment first, then by name), and how many match.
   */
  async staffPage(
    unitPath: string,
    criteria: StaffCriteria,
    query: PageQuery,
  ): Promise<{ members: StaffMemberRow[]; total: number }> {
    const { status, position, text } = criteria;
    const conditions: string[] = [];
    const params: unknown[] = [subtreePattern(unitPath)];
    if (status) {
      conditions.push(
        'AND EXISTS (SELECT 1 FROM `training_assignments` s WHERE s.`user_id` = m.`user_id` AND s.`closed_at` IS NULL AND s.`status` = ?)',
      );
      params.push(status);
    }
    if (position) {
      conditions.push('AND m.`position` = ?');
      params.push(position);
    }
    if (text !== null) {
      conditions.push('AND MATCH (p.`search_text`) AGAINST (? IN BOOLEAN MODE)');
      params.push(text);
    }
    const from = `FROM \`memberships_view\` m JOIN \`org_units_view\` u ON u.\`id\` = m.\`org_unit_id\`
      JOIN \`people_view\` p ON p.\`id\` = m.\`user_id\`
      WHERE m.\`ended_at\` IS NULL AND u.\`path\` LIKE ? ${conditions.join(' ')}`;
    const overdue =
      "EXISTS (SELECT 1 FROM `training_assignments` o WHERE o.`user_id` = m.`user_id` AND o.`closed_at` IS NULL AND o.`status` = 'overdue')";
    const [counted] = await this.dataSource.query<{ total: number | string }[]>(
      `SELECT COUNT(*) AS total ${from}`,
      params,
    );
    const members = await this.dataSource.query<StaffMemberRow[]>(
      `SELECT m.\`user_id\` AS userId, p.\`full_name\` AS fullName, m.\`org_unit_id\` AS orgUnitId,
         m.\`position\`, m.\`job_grade\` AS jobGrade
       ${from} ORDER BY ${overdue} DESC, p.\`full_name\`, m.\`user_id\` LIMIT ? OFFSET ?`,
      [...params, query.pageSize, pageOffset(query)],
    );
    return { members, total: Number(counted?.total ?? 0) };
  }

  /** The live assignments of these people, oldest first. */
  openOf(userIds: readonly string[]): Promise<AssignmentRecord[]> {
    return this.dataSource.query<AssignmentRecord[]>(
      `SELECT ${VIEW_COLUMNS} ${VIEW_FROM}
           WHERE a.\`user_id\` IN (?) AND a.\`closed_at\` IS NULL ORDER BY a.\`assigned_at\``,
      [userIds],
    );
  }

  /** How many people `target` selects. */
  async countTargeted(target: SqlCondition): Promise<number> {
    const [counted] = await this.dataSource.query<{ total: number | string }[]>(
      `SELECT COUNT(DISTINCT m.\`user_id\`) AS total ${TARGET_FROM} WHERE ${target.sql}`,
      target.params,
    );
    return Number(counted?.total ?? 0);
  }

  /** The first `limit` people `target` selects, by name. */
  sampleTargeted(
    target: SqlCondition,
    limit: number,
  ): Promise<{ userId: string; fullName: string }[]> {
    return this.dataSource.query<{ userId: string; fullName: string }[]>(
      `SELECT DISTINCT m.\`user_id\` AS userId, p.\`full_name\` AS fullName ${TARGET_FROM}
         JOIN \`people_view\` p ON p.\`id\` = m.\`user_id\`
       WHERE ${target.sql} ORDER BY p.\`full_name\`, m.\`user_id\` LIMIT ?`,
      [...target.params, limit],
    );
  }
}
