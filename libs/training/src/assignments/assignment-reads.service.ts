import { Clock, type Page, type PageQuery, searchQuery, toPage } from '@lifelong/common';
import {
  AccessPolicy,
  type AccountStatus,
  AccountStatuses,
  type Principal,
} from '@lifelong/identity';
import { OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { STAFF_READERS } from '../policies';
import { TrainingError } from '../training-error';
import {
  type AssignmentRecord,
  AssignmentReadsRepository,
  type MyAssignmentsSort,
} from './assignment-reads.repository';
import type { AssignmentStatus } from './assignment-status';

export { MY_ASSIGNMENTS_SORTS, type MyAssignmentsSort } from './assignment-reads.repository';

/** An assignment as the learner and their managers see it: its row without the holder. */
export type AssignmentView = Omit<AssignmentRecord, 'userId'>;

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
    private readonly reads: AssignmentReadsRepository,
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
    const rows = await this.reads.pageOfUser(userId, query, sort);
    const total = await this.reads.countOfUser(userId);
    return toPage(rows.map(toView), total, query);
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
    const { members, total } = await this.reads.staffPage(
      unitPath,
      { status, position, text },
      query,
    );
    // Whether each can sign in is identity's rule, asked for the page's people only.
    const statuses = await this.accountStatuses.of(members.map((member) => member.userId));
    const people = members.map((member) => ({
      ...member,
      accountStatus: statuses.get(member.userId) ?? 'uninvited',
    }));
    const assignments = people.length
      ? await this.reads.openOf(people.map((person) => person.userId))
      : [];
    const items = people.map((person) => ({
      ...person,
      assignments: assignments.filter((a) => a.userId === person.userId).map(toView),
    }));
    return toPage(items, total, query);
  }
}

function toView(row: AssignmentRecord): AssignmentView {
  const { userId: _userId, ...view } = row;
  return { ...view, requirementVersion: Number(view.requirementVersion) };
}
