import { AuditLog } from '@lifelong/audit';
import { Clock, newId, type Page, type PageQuery, toPage } from '@lifelong/common';
import { isDuplicateKey, recordEvent } from '@lifelong/database';
import { AccessPolicy, type Principal, UserLookup } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { OrganizationError } from '../organization-error';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { STAFF_MANAGERS } from '../policies';
import type { Membership } from './membership.entity';
import { MembershipsRepository } from './memberships.repository';
import { membershipChange, type Placement } from './membership-change';

export interface NewMember {
  userId: string;
  position?: string | null;
  jobGrade?: string | null;
}

/** Who works where: placing people in org units, and the lookups other domains need. */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly users: UserLookup,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Places a user in the unit; an admin or org manager covering the unit may, and only take
   * someone out of a unit they cover too (nobody moves people out of another's subtree).
   */
  async addMember(principal: Principal, orgUnitId: string, input: NewMember): Promise<Membership> {
    const unit = await this.orgUnits.findById(orgUnitId);
    if (!unit)
      throw new OrganizationError(
        'ORG_UNIT_NOT_FOUND',
        `There is no org unit ${orgUnitId}`,
        'not_found',
      );
    await this.access.assertCovers(principal, STAFF_MANAGERS, {
      scopeType: 'org_unit',
      scopeId: unit.id,
    });
    if (!(await this.users.existing([input.userId])).has(input.userId))
      throw new OrganizationError('USER_NOT_FOUND', `There is no user ${input.userId}`, 'rule', {
        userId: input.userId,
      });
    const wanted = {
      orgUnitId: unit.id,
      position: input.position ?? null,
      jobGrade: input.jobGrade ?? null,
    };
    const mayLeave = (current: Membership): Promise<void> => this.assertMayMove(principal, current);
    try {
      return await this.place(input.userId, wanted, mayLeave);
    } catch (error) {
      // Two placements of one person raced; the unique current membership let one win: retry once.
      if (!isDuplicateKey(error, 'uq_memberships_current_user')) throw error;
      return this.place(input.userId, wanted, mayLeave);
    }
  }

  private async assertMayMove(principal: Principal, current: Membership): Promise<void> {
    const covered = await this.access.covers(principal, STAFF_MANAGERS, {
      scopeType: 'org_unit',
      scopeId: current.orgUnitId,
    });
    if (!covered)
      throw new OrganizationError(
        'MEMBER_OUTSIDE_SCOPE',
        'This person works in a unit outside the units you manage; ask its managers or an administrator to move them',
        'forbidden',
        { userId: current.userId },
      );
  }

  /**
   * Makes `wanted` the person's current membership: unchanged when it already is; otherwise
   * the current one ends now and a new one starts, keeping the history. `mayLeave` vets the
   * current membership (under its row lock) before it ends.
   */
  place(
    userId: string,
    wanted: Placement,
    mayLeave?: (current: Membership) => Promise<void>,
  ): Promise<Membership> {
    return this.memberships.transaction(async (manager) => {
      const current = await this.memberships.lockCurrent(manager, userId);
      if (current && membershipChange(current, wanted) === 'unchanged') return current;
      if (current && mayLeave) await mayLeave(current);
      const now = this.clock.now();
      if (current) await this.memberships.end(manager, current.id, now);
      const membership = await this.memberships.start(manager, {
        id: newId(),
        userId,
        ...wanted,
        startedAt: now,
        endedAt: null,
        currentUserId: userId,
      });
      // Other domains (training) keep their duties in step with who works where.
      await recordEvent(manager, 'organizations.memberships-changed', { userIds: [userId] });
      await this.audit.record(manager, {
        action: 'membership.placed',
        subjectType: 'user',
        subjectId: userId,
        details: {
          orgUnitId: membership.orgUnitId,
          position: membership.position,
          jobGrade: membership.jobGrade,
          previousOrgUnitId: current?.orgUnitId ?? null,
        },
        place: { orgUnitId: membership.orgUnitId },
      });
      return membership;
    });
  }

  /** The person's current membership, if any. */
  current(userId: string): Promise<Membership | null> {
    return this.memberships.findCurrent(userId);
  }

  /** Current memberships of these people (one query). */
  currentOf(userIds: readonly string[]): Promise<Membership[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.memberships.currentOf(userIds);
  }

  /** Every membership the person held, oldest first. */
  history(userId: string): Promise<Membership[]> {
    return this.memberships.history(userId);
  }

  /** Current members of the unit and every unit below it, paginated (index-backed). */
  async currentWithin(orgUnitId: string, query: PageQuery): Promise<Page<Membership>> {
    const unit = await this.orgUnits.findPath(orgUnitId);
    if (!unit) return toPage([], 0, query);
    return this.memberships.currentWithin(unit.path, query);
  }
}
