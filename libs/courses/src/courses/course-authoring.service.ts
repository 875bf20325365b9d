import { newId } from '@lifelong/common';
import { isDuplicateKey, recordEvent } from '@lifelong/database';
import type { Principal } from '@lifelong/identity';
import { FacilityDirectory } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CatalogueTermsRepository } from '../catalogue/catalogue-terms.repository';
import { CourseError } from '../course-error';
import { AuthoringGate } from './authoring-gate.service';
import { Course } from './course.entity';
import { codeInput } from './course-code';
import {
  assertWindow,
  type CoursePatch,
  type NewCourse,
  normalizeTags,
  plainText,
} from './course-input';
import { CourseStaff } from './course-staff.service';
import type { CourseView } from './course-view';
import { CoursesRepository } from './courses.repository';
import { editRefusal, statusAfterEdit } from './edit.rules';

/** Creating courses and changing their own fields (not sections or lessons). */
@Injectable()
export class CourseAuthoring {
  constructor(
    private readonly records: CoursesRepository,
    private readonly staff: CourseStaff,
    private readonly gate: AuthoringGate,
    private readonly facilities: FacilityDirectory,
    private readonly catalogueTerms: CatalogueTermsRepository,
  ) {}

  /** A new draft at the facility; the caller must author there. */
  async create(principal: Principal, input: NewCourse): Promise<CourseView> {
    if (!(await this.facilities.exists(input.facilityId)))
      throw new CourseError('FACILITY_NOT_FOUND', `There is no facility ${input.facilityId}`, {
        facilityId: input.facilityId,
      });
    if (!(await this.staff.isAuthor(principal, input.facilityId)))
      throw new CourseError('FORBIDDEN', 'You author no courses at this facility');
    assertWindow(input.enrollmentOpensAt ?? null, input.enrollmentClosesAt ?? null);
    const tags = normalizeTags(input.tags ?? []);
    const course = Object.assign(new Course(), {
      id: newId(),
      facilityId: input.facilityId,
      code: codeInput(input.code) ?? null,
      title: plainText(input.title),
      summary: plainText(input.summary),
      description: input.description ? plainText(input.description) : null,
      language: input.language ?? 'vi',
      capacity: input.capacity ?? null,
      hours: input.hours ?? null,
      validityMonths: input.validityMonths ?? null,
      enrollmentOpensAt: input.enrollmentOpensAt ?? null,
      enrollmentClosesAt: input.enrollmentClosesAt ?? null,
      status: 'draft',
      activeEnrollments: 0,
      createdBy: principal.userId,
      publishedAt: null,
      archivedAt: null,
    });
    course.searchText = this.records.searchText(
      course,
      tags.map(({ tag }) => tag),
    );
    return codeGuarded(course.code, () =>
      this.records.transaction(async (manager) => {
        await this.records.insert(manager, course);
        await this.records.replaceTags(manager, course.id, tags);
        await this.records.replaceSearchTerms(
          manager,
          course,
          tags.map(({ tag }) => tag),
        );
        return this.records.view(manager, course.id);
      }),
    );
  }

  /**
   * Changes the course's own fields under the lifecycle rules (docs/courses.md): a published
   * course keeps its seats above the learners already in; an archived one changes no more; a
   * course in review goes back to draft.
   */
  async update(principal: Principal, courseId: string, patch: CoursePatch): Promise<CourseView> {
    await this.gate.course(principal, courseId);
    const code = codeInput(patch.code);
    return codeGuarded(code, () =>
      this.records.transaction(async (manager) => {
        const course = await this.records.lock(manager, courseId);
        const refusal = editRefusal(course.status, { kind: 'course-fields' });
        if (refusal) throw refusal;
        const seatsBefore = course.capacity;
        this.apply(course, { ...patch, code });
        // Learners waiting for a seat get the new ones (enrollment's job, after this commits).
        if (capacityRaised(seatsBefore, course.capacity))
          await recordEvent(manager, 'course.capacity-raised', { courseId });
        const newTags = patch.tags ? normalizeTags(patch.tags) : null;
        const tagNames =
          newTags?.map(({ tag }) => tag) ??
          (await this.records.tagsOf(manager, [courseId])).get(courseId) ??
          [];
        course.searchText = this.records.searchText(course, tagNames);
        course.status = statusAfterEdit(course.status);
        await this.save(manager, course);
        if (newTags) await this.records.replaceTags(manager, courseId, newTags);
        await this.records.replaceSearchTerms(manager, course, tagNames);
        await this.catalogueTerms.relist(manager, courseId);
        return this.records.view(manager, courseId);
      }),
    );
  }

  /** Applies the patch; its `code` is already normalized. */
  private apply(course: Course, patch: CoursePatch): void {
    if (patch.code !== undefined) course.code = patch.code;
    if (patch.title !== undefined) course.title = plainText(patch.title);
    if (patch.summary !== undefined) course.summary = plainText(patch.summary);
    if (patch.description !== undefined)
      course.description = patch.description ? plainText(patch.description) : null;
    if (patch.language !== undefined) course.language = patch.language;
    if (patch.capacity !== undefined) {
      if (patch.capacity !== null && patch.capacity < course.activeEnrollments)
        throw new CourseError(
          'CAPACITY_BELOW_ENROLLED',
          `${course.activeEnrollments} learners are already enrolled; capacity cannot go below that`,
          { activeEnrollments: course.activeEnrollments },
        );
      course.capacity = patch.capacity;
    }
    if (patch.hours !== undefined) course.hours = patch.hours;
    if (patch.validityMonths !== undefined) course.validityMonths = patch.validityMonths;
    if (patch.enrollmentOpensAt !== undefined) course.enrollmentOpensAt = patch.enrollmentOpensAt;
    if (patch.enrollmentClosesAt !== undefined)
      course.enrollmentClosesAt = patch.enrollmentClosesAt;
    assertWindow(course.enrollmentOpensAt, course.enrollmentClosesAt);
  }

  private async save(manager: EntityManager, course: Course): Promise<void> {
    // The seat counter belongs to the enrollment lib's transactions: never written from here.
    await this.records.update(manager, course.id, {
      code: course.code,
      title: course.title,
      summary: course.summary,
      description: course.description,
      language: course.language,
      capacity: course.capacity,
      hours: course.hours,
      validityMonths: course.validityMonths,
      enrollmentOpensAt: course.enrollmentOpensAt,
      enrollmentClosesAt: course.enrollmentClosesAt,
      status: course.status,
      searchText: course.searchText,
    });
  }
}

/** True when `after` seats more learners than `before` (null: no limit). */
const capacityRaised = (before: number | null, after: number | null): boolean =>
  before !== null && (after === null || after > before);

/**
 * Runs `write`, answering 409 `COURSE_CODE_TAKEN` when another course holds `code`. The unique
 * index decides, not a look-up first: of two concurrent writers of one code, one commits.
 */
async function codeGuarded<T>(
  code: string | null | undefined,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (code && isDuplicateKey(error, 'uq_courses_code')) throw CourseError.codeTaken(code);
    throw error;
  }
}
