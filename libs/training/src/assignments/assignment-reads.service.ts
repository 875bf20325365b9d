import {
  Clock,
  type Page,
  pageOffset,
  type PageQuery,
  searchQuery,
  toPage,
} from '@lifelong/common';
import {
  AccessPolicy,
  type AccountStatus,
  AccountStatuses,
  type Principal,
} from '@lifelong/identity';
import { OrgUnitPaths, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { STAFF_READERS } from '../policies';
import { TrainingError } from '../training-error';
import type { AssignmentStatus } from './assignment-status';

/** An assignment as the learner and their managers see it. */
export interface AssignmentView {
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
}

/** A member of staff in a manager's subtree, with their live assignments. */
export interface StaffMemberView {
  userId: string;
  fullName: string;
  orgUnitId: string;
  position: string | null;
  jobGrade: string | null;
  /** Whether they can sign in yet (identity's account status). */
  accountStatus: AccountStatus;
  assignments: AssignmentView[];
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

/** What narrows "my staff" besides the unit. */
export interface StaffFilter {
  status?: AssignmentStatus;
  position?: string;
  q?: string;
}

/** A learner's own assignments, and "my staff" for org managers within their scope. */
@Injectable()
export class AssignmentReads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitPaths,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly accountStatuses: AccountStatuses,
  ) {}

  /**
   * The learner's assignments, history included: newest first, or with `sort: 'due'` what needs
   * doing first (overdue, then expired, in progress and assigned by due date, then the rest).
   */
  async mine(
    userId: string,
    query: PageQuery,
    sort: MyAssignmentsSort = 'recent',
  ): Promise<Page<AssignmentView>> {
    const rows = await this.dataSource.query<(AssignmentView & { userId: string })[]>(
      `SELECT ${VIEW_COLUMNS} ${VIEW_FROM} WHERE a.\`user_id\` = ?
       ORDER BY ${MINE_ORDER[sort]} LIMIT ? OFFSET ?`,
      [userId, query.pageSize, pageOffset(query)],
    );
    const [{ total }] = await this.dataSource.query<[{ total: number | string }]>(
      'SELECT COUNT(*) AS total FROM `training_assignments` WHERE `user_id` = ?',
      [userId],
    );
    return toPage(rows.map(toView), Number(total), query);
  }

  /**
   * Current members of the unit's subtree, those with an overdue assignment first, then by name;
   * optionally only those with a live assignment in `status`, holding `position`, or whose name
   * or email holds the words of `q` (folded like the catalogue, through the FULLTEXT index).
   */
  async staff(
    principal: Principal,
    orgUnitId: string,
    filter: StaffFilter,
    query: PageQuery,
  ): Promise<Page<StaffMemberView>> {
    const { status, position } = filter;
    const unitPath = await this.orgUnits.pathOf(orgUnitId);
    if (unitPath === null)
      throw new TrainingError('ORG_UNIT_NOT_FOUND', `There is no org unit ${orgUnitId}`, {
        orgUnitId,
      });
    await this.access.assertCovers(principal, STAFF_READERS, {
      scopeType: 'org_unit',
      scopeId: orgUnitId,
    });
    const text = filter.q === undefined ? null : searchQuery(filter.q);
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
    const members = await this.dataSource.query<
      Omit<StaffMemberView, 'assignments' | 'accountStatus'>[]
    >(
      `SELECT m.\`user_id\` AS userId, p.\`full_name\` AS fullName, m.\`org_unit_id\` AS orgUnitId,
         m.\`position\`, m.\`job_grade\` AS jobGrade
       ${from} ORDER BY ${overdue} DESC, p.\`full_name\`, m.\`user_id\` LIMIT ? OFFSET ?`,
      [...params, query.pageSize, pageOffset(query)],
    );
    // Whether each can sign in is identity's rule, asked for the page's people only.
    const statuses = await this.accountStatuses.of(members.map((member) => member.userId));
    const people = members.map((member) => ({
      ...member,
      accountStatus: statuses.get(member.userId) ?? 'uninvited',
    }));
    const assignments = people.length
      ? await this.dataSource.query<(AssignmentView & { userId: string })[]>(
          `SELECT ${VIEW_COLUMNS} ${VIEW_FROM}
           WHERE a.\`user_id\` IN (?) AND a.\`closed_at\` IS NULL ORDER BY a.\`assigned_at\``,
          [people.map((person) => person.userId)],
        )
      : [];
    const items = people.map((person) => ({
      ...person,
      assignments: assignments.filter((a) => a.userId === person.userId).map(toView),
    }));
    return toPage(items, Number(counted?.total ?? 0), query);
  }
}

function toView(row: AssignmentView & { userId?: string }): AssignmentView {
  const { userId: _userId, ...view } = row;
  return { ...view, requirementVersion: Number(view.requirementVersion) };
}
