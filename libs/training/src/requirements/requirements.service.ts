import { AuditLog } from '@lifelong/audit';
import { Clock, newId, type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { CourseOutline } from '@lifelong/courses';
import { recordEvent } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPORT_READERS, REQUIREMENT_SETTERS } from '../policies';
import { TrainingError } from '../training-error';
import { RequirementVersion } from './requirement-version.entity';
import { type RequirementInput, requirementFieldProblems, toRules } from './requirement.rules';
import { RequirementsRepository } from './requirements.repository';
import { TrainingRequirement } from './training-requirement.entity';

/** A requirement with the rules of its current version. */
export interface RequirementView {
  requirement: TrainingRequirement;
  rules: RequirementVersion;
}

/** One version of a requirement, with the name of the person who wrote it. */
export interface VersionView extends RequirementView {
  authorName: string | null;
}

/**
 * Requirements as versioned data: creating writes version 1, editing writes the next version
 * (the old one stays as it was). Either way `training.requirement-changed` goes to the outbox in
 * the same transaction, so the assignments follow in a background job.
 */
@Injectable()
export class RequirementsService {
  constructor(
    private readonly requirements: RequirementsRepository,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly outline: CourseOutline,
    private readonly orgUnits: OrgUnitPaths,
  ) {}

  async create(principal: Principal, input: RequirementInput): Promise<RequirementView> {
    const rules = toRules(await this.checked(principal, input));
    const now = this.clock.now();
    return this.requirements.transaction(async (manager) => {
      const requirement = Object.assign(new TrainingRequirement(), {
        id: newId(),
        orgUnitId: rules.orgUnitId,
        courseId: rules.courseId,
        title: rules.title,
        currentVersion: 1,
        createdBy: principal.userId,
        createdAt: now,
        updatedAt: now,
      });
      await this.requirements.insert(manager, requirement);
      const version = await this.writeVersion(manager, requirement, principal, input);
      return { requirement, rules: version };
    });
  }

  async update(
    principal: Principal,
    id: string,
    input: RequirementInput,
  ): Promise<RequirementView> {
    const known = await this.find(id);
    // Both the old and the new target must be the caller's to change.
    await this.assertMayChange(principal, known.requirement.orgUnitId);
    const rules = toRules(await this.checked(principal, input));
    return this.requirements.transaction(async (manager) => {
      const requirement = await this.requirements.lockById(manager, id);
      if (!requirement) throw notFound(id);
      Object.assign(requirement, {
        orgUnitId: rules.orgUnitId,
        courseId: rules.courseId,
        title: rules.title,
        currentVersion: requirement.currentVersion + 1,
        updatedAt: this.clock.now(),
      });
      await this.requirements.save(manager, requirement);
      const version = await this.writeVersion(manager, requirement, principal, input);
      return { requirement, rules: version };
    });
  }

  /** The requirement with its current rules; 404 when there is none. */
  async find(id: string, manager?: EntityManager): Promise<RequirementView> {
    const requirement = await this.requirements.findById(id, manager);
    if (!requirement) throw notFound(id);
    const rules = await this.requirements.getVersion(id, requirement.currentVersion, manager);
    return { requirement, rules };
  }

  /** The requirement as a reader within its unit's scope sees it (404 for anyone else). */
  async findVisible(principal: Principal, id: string): Promise<RequirementView> {
    const view = await this.find(id);
    if (!(await this.mayRead(principal, view.requirement.orgUnitId))) throw notFound(id);
    return view;
  }

  /**
   * Every version of a visible requirement, oldest first, with who wrote it: the history a
   * manager reads to see what changed (versions are never changed once written).
   */
  async versions(principal: Principal, id: string): Promise<VersionView[]> {
    const { requirement } = await this.findVisible(principal, id);
    const versions = await this.requirements.versionsOf(id);
    const names = await this.requirements.namesOf([
      ...new Set(versions.map((version) => version.createdBy)),
    ]);
    return versions.map((rules) => ({
      requirement,
      rules,
      authorName: names.get(rules.createdBy) ?? null,
    }));
  }

  /** One version as it was (assignments done under an older one keep reading it). */
  version(requirementId: string, version: number): Promise<RequirementVersion | null> {
    return this.requirements.findVersion(requirementId, version);
  }

  /** The course's title now, for the display snapshot of notices (the id when it is gone). */
  async courseTitle(courseId: string): Promise<string> {
    const course = await this.outline.course(courseId);
    return course?.title ?? courseId;
  }

  /** Every requirement's id (assignments of moved people are checked against each). */
  allIds(): Promise<string[]> {
    return this.requirements.allIds();
  }

  /** Requirements targeting the unit (or, without one, every unit the caller covers). */
  async list(
    principal: Principal,
    query: PageQuery & { orgUnitId?: string },
  ): Promise<Page<RequirementView>> {
    const { orgUnitId } = query;
    const reach = this.access.reach(principal, REPORT_READERS);
    if (orgUnitId) {
      await this.access.assertCovers(principal, REPORT_READERS, {
        scopeType: 'org_unit',
        scopeId: orgUnitId,
      });
    }
    const requirements = await this.requirements.list(orgUnitId);
    const visible = [];
    for (const requirement of requirements)
      if (
        reach.everywhere ||
        orgUnitId ||
        (await this.access.covers(principal, REPORT_READERS, {
          scopeType: 'org_unit',
          scopeId: requirement.orgUnitId,
        }))
      )
        visible.push(requirement);
    // Requirements are decrees, tens per ministry: the scope filter runs in memory, then the page.
    const shown = visible.slice(pageOffset(query), pageOffset(query) + query.pageSize);
    if (shown.length === 0) return toPage([], visible.length, query);
    const versions = await this.requirements.versionsOfAll(
      shown.map((requirement) => requirement.id),
    );
    const byKey = new Map(versions.map((v) => [`${v.requirementId}/${v.version}`, v]));
    const items = shown.flatMap((requirement) => {
      const rules = byKey.get(`${requirement.id}/${requirement.currentVersion}`);
      return rules ? [{ requirement, rules }] : [];
    });
    return toPage(items, visible.length, query);
  }

  /** Validates the input, the unit (in the caller's scope) and the course (published). */
  private async checked(principal: Principal, input: RequirementInput): Promise<RequirementInput> {
    const fields = requirementFieldProblems(input);
    const problems = Object.values(fields).flat();
    if (problems.length > 0)
      throw new TrainingError('VALIDATION_FAILED', problems.join('; '), { problems, fields });
    if ((await this.orgUnits.pathOf(input.orgUnitId)) === null)
      throw new TrainingError('ORG_UNIT_NOT_FOUND', `There is no org unit ${input.orgUnitId}`, {
        orgUnitId: input.orgUnitId,
      });
    await this.assertMayChange(principal, input.orgUnitId);
    const course = await this.outline.course(input.courseId);
    if (!course)
      throw new TrainingError('COURSE_NOT_FOUND', `There is no course ${input.courseId}`, {
        courseId: input.courseId,
      });
    if (course.status !== 'published')
      throw new TrainingError(
        'COURSE_NOT_PUBLISHED',
        'Only a published course can satisfy a requirement',
        { courseId: course.courseId, status: course.status },
      );
    return input;
  }

  private mayRead(principal: Principal, orgUnitId: string): Promise<boolean> {
    return this.access.covers(principal, REPORT_READERS, {
      scopeType: 'org_unit',
      scopeId: orgUnitId,
    });
  }

  private assertMayChange(principal: Principal, orgUnitId: string): Promise<void> {
    return this.access.assertCovers(principal, REQUIREMENT_SETTERS, {
      scopeType: 'org_unit',
      scopeId: orgUnitId,
    });
  }

  private async writeVersion(
    manager: EntityManager,
    requirement: TrainingRequirement,
    principal: Principal,
    input: RequirementInput,
  ): Promise<RequirementVersion> {
    const version = Object.assign(new RequirementVersion(), {
      requirementId: requirement.id,
      version: requirement.currentVersion,
      ...toRules(input),
      createdBy: principal.userId,
      createdAt: this.clock.now(),
    });
    await this.requirements.insertVersion(manager, version);
    await recordEvent(manager, 'training.requirement-changed', { requirementId: requirement.id });
    await this.audit.record(manager, {
      action: version.version === 1 ? 'requirement.created' : 'requirement.updated',
      subjectType: 'requirement',
      subjectId: requirement.id,
      details: {
        version: version.version,
        title: requirement.title,
        courseId: requirement.courseId,
        orgUnitId: requirement.orgUnitId,
      },
      place: { orgUnitId: requirement.orgUnitId },
    });
    return version;
  }
}

const notFound = (id: string): TrainingError =>
  new TrainingError('REQUIREMENT_NOT_FOUND', `There is no requirement ${id}`, {
    requirementId: id,
  });
