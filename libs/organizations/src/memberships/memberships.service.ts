import { AuditLog } from '@lifelong/audit';
import { Clock, newId, type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { isDuplicateKey, recordEvent } from '@lifelong/database';
import { AccessPolicy, type Principal, UserLookup } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, In, type Repository } from 'typeorm';
import { OrganizationError } from '../organization-error';
import { OrgUnit } from '../org-units/org-unit.entity';
import { STAFF_MANAGERS } from '../policies';
import { subtreePattern } from '../tree/tree-path';
import { Membership } from './membership.entity';
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
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(OrgUnit) private readonly orgUnits: Repository<OrgUnit>,
    private readonly users: UserLookup,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Places a user in the unit; an admin or org manager covering the unit may, and only take
   * someone out of a unit they cover too (nobody moves people out of another's subtree).
   */
  async addMember(principal: Principal, orgUnitId: string, input: NewMember): Promise<Membership> {
    const unit = await this.orgUnits.findOneBy({ id: orgUnitId });
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
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Membership);
      const current = await repository
        .createQueryBuilder('membership')
        .setLock('pessimistic_write')
        .where('membership.currentUserId = :userId', { userId })
        .getOne();
      if (current && membershipChange(current, wanted) === 'unchanged') return current;
      if (current && mayLeave) await mayLeave(current);
      const now = this.clock.now();
      if (current)
        await repository.update({ id: current.id }, { endedAt: now, currentUserId: null });
      const membership = repository.create({
        id: newId(),
        userId,
        ...wanted,
        startedAt: now,
        endedAt: null,
        currentUserId: userId,
      });
      await repository.insert(membership);
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
    return this.memberships.findOneBy({ currentUserId: userId });
  }

  /** Current memberships of these people (one query). */
  currentOf(userIds: readonly string[]): Promise<Membership[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.memberships.findBy({ currentUserId: In([...userIds]) });
  }

  /** Every membership the person held, oldest first. */
  history(userId: string): Promise<Membership[]> {
    return this.memberships.find({ where: { userId }, order: { startedAt: 'ASC', id: 'ASC' } });
  }

  /** Current members of the unit and every unit below it, paginated (index-backed). */
  async currentWithin(orgUnitId: string, query: PageQuery): Promise<Page<Membership>> {
    const unit = await this.orgUnits.findOne({
      where: { id: orgUnitId },
      select: { id: true, path: true },
    });
    if (!unit) return toPage([], 0, query);
    const [items, total] = await this.memberships
      .createQueryBuilder('membership')
      .innerJoin(OrgUnit, 'unit', 'unit.id = membership.orgUnitId')
      .where('unit.path LIKE :pattern', { pattern: subtreePattern(unit.path) })
      .andWhere('membership.endedAt IS NULL')
      .orderBy('membership.userId', 'ASC')
      .offset(pageOffset(query))
      .limit(query.pageSize)
      .getManyAndCount();
    return toPage(items, total, query);
  }
}
