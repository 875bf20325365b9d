import { Clock } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CatalogueTermsRepository } from '../catalogue/catalogue-terms.repository';
import { CourseError } from '../course-error';
import { AuthoringGate } from '../courses/authoring-gate.service';
import type { Course } from '../courses/course.entity';
import { plainText } from '../courses/course-input';
import { CourseStaff } from '../courses/course-staff.service';
import { CourseStructure } from '../courses/course-structure.service';
import type { CourseView } from '../courses/course-view';
import { type CourseRef, CoursesRepository } from '../courses/courses.repository';
import { QuizzesRepository } from '../quizzes/quizzes.repository';
import { publishReadiness } from './publish-readiness';
import { ReviewPolicies } from './review-policies.service';

/**
 * Moving courses through their lifecycle: draft → (in_review) → published → archived. Each move
 * locks the course row, so two moves of one course never interleave.
 */
@Injectable()
export class CoursePublishing {
  constructor(
    private readonly clock: Clock,
    private readonly gate: AuthoringGate,
    private readonly staff: CourseStaff,
    private readonly records: CoursesRepository,
    private readonly structure: CourseStructure,
    private readonly quizzes: QuizzesRepository,
    private readonly policies: ReviewPolicies,
    private readonly catalogueTerms: CatalogueTermsRepository,
  ) {}

  /**
   * Publishes a ready draft: 422 `COURSE_NOT_READY` listing every reason otherwise. Where the
   * facility requires review, an author's publish moves it to `in_review`; a facility admin's
   * publish is its own approval. Publishing a course already published or in review changes
   * nothing (unless a facility admin publishes one in review: that approves it).
   */
  async publish(principal: Principal, courseId: string): Promise<CourseView> {
    const facts = await this.gate.course(principal, courseId);
    const approver = await this.staff.isApprover(principal, facts.facilityId);
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, courseId);
      if (course.status === 'archived')
        throw new CourseError('COURSE_ARCHIVED', 'An archived course cannot be published again');
      if (course.status === 'published' || (course.status === 'in_review' && !approver))
        return this.records.view(manager, courseId);
      await this.assertReady(manager, courseId);
      const review = !approver && (await this.policies.requiresReview(course.facilityId, manager));
      await this.move(manager, course, review ? 'in_review' : 'published');
      return this.records.view(manager, courseId);
    });
  }

  /** A facility admin approves a course in review; it is checked for readiness again. */
  async approve(principal: Principal, courseId: string): Promise<CourseView> {
    const facts = await this.findFacts(courseId);
    await this.staff.assertApprover(principal, facts);
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, courseId);
      if (course.status === 'published') return this.records.view(manager, courseId);
      if (course.status !== 'in_review')
        throw new CourseError(
          'COURSE_NOT_IN_REVIEW',
          `The course is ${course.status}; only a course in review can be approved`,
          { status: course.status },
        );
      await this.assertReady(manager, courseId);
      await this.move(manager, course, 'published');
      return this.records.view(manager, courseId);
    });
  }

  /**
   * A facility admin sends a course in review back to its authors as a draft, saying why; the
   * comment stays on the course until it is sent for review (or published) again.
   */
  async returnToAuthors(
    principal: Principal,
    courseId: string,
    comment: string,
  ): Promise<CourseView> {
    const facts = await this.findFacts(courseId);
    await this.staff.assertApprover(principal, facts);
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, courseId);
      if (course.status !== 'in_review')
        throw new CourseError(
          'COURSE_NOT_IN_REVIEW',
          `The course is ${course.status}; only a course in review can be returned`,
          { status: course.status },
        );
      await this.records.update(manager, course.id, {
        status: 'draft',
        reviewNote: plainText(comment),
        reviewNoteAt: this.clock.now(),
      });
      return this.records.view(manager, courseId);
    });
  }

  /**
   * Takes a course out of the catalogue for good. Its sections, lessons and the learners'
   * records stay; it can still be opened by id. Archiving twice changes nothing.
   */
  async archive(principal: Principal, courseId: string): Promise<CourseView> {
    await this.gate.course(principal, courseId);
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, courseId);
      if (course.status !== 'archived') await this.move(manager, course, 'archived');
      return this.records.view(manager, courseId);
    });
  }

  private async assertReady(manager: EntityManager, courseId: string): Promise<void> {
    const lessons = await this.structure.lessonsOf(manager, { courseId });
    const counts = await this.quizzes.countsOf(
      manager,
      lessons.filter((lesson) => lesson.kind === 'quiz').map((lesson) => lesson.id),
    );
    const reasons = publishReadiness(
      lessons.map((lesson) => ({ ...lesson, questionCount: counts.get(lesson.id) ?? 0 })),
    );
    if (reasons.length)
      throw new CourseError('COURSE_NOT_READY', 'The course cannot be published yet', {
        reasons,
      });
  }

  private async move(
    manager: EntityManager,
    course: Course,
    status: 'in_review' | 'published' | 'archived',
  ): Promise<void> {
    const now = this.clock.now();
    const changes: Partial<Course> = { status };
    // A returned course moving on again: the reviewer's comment has been dealt with.
    if (status !== 'archived') Object.assign(changes, { reviewNote: null, reviewNoteAt: null });
    if (status === 'published') changes.publishedAt = course.publishedAt ?? now;
    if (status === 'archived') changes.archivedAt = now;
    await this.records.update(manager, course.id, changes);
    await this.catalogueTerms.relist(manager, course.id);
  }

  private async findFacts(courseId: string): Promise<CourseRef> {
    const course = await this.records.findRef(courseId);
    if (!course) throw CourseError.courseNotFound(courseId);
    return course;
  }
}
