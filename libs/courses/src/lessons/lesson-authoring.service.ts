import { newId } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourseError } from '../course-error';
import { AuthoringGate } from '../courses/authoring-gate.service';
import { plainText } from '../courses/course-input';
import { CourseStructure } from '../courses/course-structure.service';
import type { LessonView } from '../courses/course-view';
import { CoursesRepository } from '../courses/courses.repository';
import { DEFAULT_PASS_MARK } from '../quizzes/quiz.rules';
import { QuizzesRepository } from '../quizzes/quizzes.repository';
import { sanitizeReading } from '../reading/sanitize-reading';
import { fieldsSet, lessonFieldProblems, type LessonPatch, type NewLesson } from './lesson-input';
import { DEFAULT_COMPLETION_THRESHOLD, WATCHED_KINDS } from './lesson-kind';
import { Lesson } from './lesson.entity';
import { LessonsRepository } from './lessons.repository';

/** Adding lessons to sections and changing them. */
@Injectable()
export class LessonAuthoring {
  constructor(
    private readonly gate: AuthoringGate,
    private readonly records: CoursesRepository,
    private readonly lessons: LessonsRepository,
    private readonly structure: CourseStructure,
    private readonly quizzes: QuizzesRepository,
  ) {}

  /** Adds a lesson at the end of the section; the staff view is returned (quiz answers included). */
  async addLesson(principal: Principal, sectionId: string, input: NewLesson): Promise<LessonView> {
    const problems = lessonFieldProblems(input.kind, input);
    if (Object.keys(problems).length) throw CourseError.invalid(problems);
    const section = await this.gate.section(principal, sectionId);
    const required = input.required ?? true;
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, section.courseId);
      await this.gate.applyEdit(manager, course, { kind: 'add-lesson', required });
      const lastPosition = await this.lessons.lastPosition(manager, sectionId);
      const watched = WATCHED_KINDS.includes(input.kind);
      const lesson = Object.assign(new Lesson(), {
        id: newId(),
        courseId: section.courseId,
        sectionId,
        position: (lastPosition ?? 0) + 1,
        title: plainText(input.title),
        kind: input.kind,
        required,
        completionThreshold: watched
          ? (input.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD)
          : null,
        durationSeconds: null,
        videoId: null,
        videoReady: false,
        packageId: null,
        body:
          input.kind === 'reading' && input.body !== undefined ? sanitizeReading(input.body) : null,
        passMark: input.kind === 'quiz' ? (input.passMark ?? DEFAULT_PASS_MARK) : null,
        attemptLimit: input.kind === 'quiz' ? (input.attemptLimit ?? null) : null,
      });
      await this.lessons.insert(manager, lesson);
      if (input.kind === 'quiz')
        await this.quizzes.replace(manager, lesson.id, input.questions ?? []);
      return this.view(manager, lesson.id);
    });
  }

  /**
   * Changes a lesson under the lifecycle rules: on a published course, what decides completion
   * of a required lesson stays as it was (docs/courses.md). Quiz questions are replaced whole.
   */
  async updateLesson(
    principal: Principal,
    lessonId: string,
    patch: LessonPatch,
  ): Promise<LessonView> {
    const found = await this.gate.lesson(principal, lessonId);
    const problems = lessonFieldProblems(found.kind, patch);
    if (Object.keys(problems).length) throw CourseError.invalid(problems);
    return this.records.transaction(async (manager) => {
      const course = await this.records.lock(manager, found.courseId);
      const lesson = await this.lessons.getById(manager, lessonId);
      await this.gate.applyEdit(manager, course, {
        kind: 'lesson-fields',
        lessonRequired: lesson.required,
        fields: fieldsSet(patch),
      });
      const changes = this.changes(patch);
      if (Object.keys(changes).length) await this.lessons.update(manager, lessonId, changes);
      if (patch.questions) await this.quizzes.replace(manager, lessonId, patch.questions);
      return this.view(manager, lessonId);
    });
  }

  private changes(patch: LessonPatch): Partial<Lesson> {
    const changes: Partial<Lesson> = {};
    if (patch.title !== undefined) changes.title = plainText(patch.title);
    if (patch.required !== undefined) changes.required = patch.required;
    if (patch.completionThreshold !== undefined)
      changes.completionThreshold = patch.completionThreshold;
    if (patch.body !== undefined) changes.body = sanitizeReading(patch.body);
    if (patch.passMark !== undefined) changes.passMark = patch.passMark;
    if (patch.attemptLimit !== undefined) changes.attemptLimit = patch.attemptLimit;
    return changes;
  }

  private async view(manager: EntityManager, lessonId: string): Promise<LessonView> {
    const lesson = await this.lessons.getById(manager, lessonId);
    const [view] = await this.structure.lessonViews(manager, [lesson], 'staff');
    return view!;
  }
}
