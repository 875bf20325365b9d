import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { readCourseCode } from '../courses/course-code';
import { Course } from '../courses/course.entity';
import type { CourseStatus } from '../courses/course-status';
import type { LessonKind } from '../lessons/lesson-kind';
import { Lesson } from '../lessons/lesson.entity';
import type { QuizKey } from '../quizzes/quiz-grading';
import { QuizzesRepository } from '../quizzes/quizzes.repository';
import { CourseSection } from '../sections/course-section.entity';

/** A course's facts that enrollment, certificates and training need, without its structure. */
export interface CourseFacts {
  courseId: string;
  facilityId: string;
  title: string;
  status: CourseStatus;
  capacity: number | null;
  hours: number | null;
  validityMonths: number | null;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  publishedAt: Date | null;
}

/** What a list of a learner's courses shows of each. */
export interface CourseTitle {
  title: string;
  status: CourseStatus;
}

/** How a lesson completes, and where it sits. */
export interface LessonRule {
  lessonId: string;
  courseId: string;
  sectionId: string;
  title: string;
  kind: LessonKind;
  required: boolean;
  /** The attached video's duration (video lessons); null until one is attached. */
  durationSeconds: number | null;
  /** Percent of `durationSeconds` that completes a video or television lesson; null otherwise. */
  completionThreshold: number | null;
  videoId: string | null;
  videoReady: boolean;
}

/**
 * Read-only lookups into courses for the enrollment lib (and later certificates and training).
 * Each takes an optional EntityManager so it can run inside the caller's transaction.
 */
@Injectable()
export class CourseOutline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quizzes: QuizzesRepository,
  ) {}

  /** The course's facts, or null when there is no such course. */
  async course(courseId: string, manager = this.dataSource.manager): Promise<CourseFacts | null> {
    const course = await manager.getRepository(Course).findOneBy({ id: courseId });
    return course ? courseFacts(course) : null;
  }

  /**
   * The course a broadcaster's file names: by its code (`readCourseCode`, any case), else by its
   * id, so files written before courses had codes keep working; null when neither is known.
   */
  async courseNamed(named: string): Promise<CourseFacts | null> {
    const courses = this.dataSource.getRepository(Course);
    const code = readCourseCode(named);
    const course =
      (code && (await courses.findOneBy({ code }))) || (await courses.findOneBy({ id: named }));
    return course ? courseFacts(course) : null;
  }

  /** Title and status of each course named (a learner's list shows them); unknown ids are left out. */
  async titles(courseIds: readonly string[]): Promise<Map<string, CourseTitle>> {
    if (courseIds.length === 0) return new Map();
    const courses = await this.dataSource.getRepository(Course).find({
      where: { id: In([...new Set(courseIds)]) },
      select: { id: true, title: true, status: true },
    });
    return new Map(courses.map(({ id, title, status }) => [id, { title, status }]));
  }

  /** True when the course is in the catalogue (status `published`). */
  async isPublished(courseId: string, manager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(Course).existsBy({ id: courseId, status: 'published' });
  }

  /** Every lesson of the course, in reading order (section, then lesson position). */
  async lessons(courseId: string, manager = this.dataSource.manager): Promise<LessonRule[]> {
    const sections = await manager
      .getRepository(CourseSection)
      .find({ where: { courseId }, select: { id: true, position: true } });
    const order = new Map(sections.map((section) => [section.id, section.position]));
    const lessons = await manager
      .getRepository(Lesson)
      .find({ where: { courseId }, select: LESSON_RULE_COLUMNS });
    return lessons
      .sort(
        (a, b) =>
          (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0) || a.position - b.position,
      )
      .map(lessonRule);
  }

  /** The lessons that must complete for the course to complete, in reading order. */
  async requiredLessons(
    courseId: string,
    manager = this.dataSource.manager,
  ): Promise<LessonRule[]> {
    return (await this.lessons(courseId, manager)).filter((lesson) => lesson.required);
  }

  /** One lesson with its course and section, or null when there is no such lesson. */
  async lesson(lessonId: string, manager = this.dataSource.manager): Promise<LessonRule | null> {
    const lesson = await manager
      .getRepository(Lesson)
      .findOne({ where: { id: lessonId }, select: LESSON_RULE_COLUMNS });
    return lesson ? lessonRule(lesson) : null;
  }

  /**
   * What grading a quiz lesson needs (pass mark, attempt limit, questions with their correct
   * choices); null when the lesson does not exist or is not a quiz. Never send it to a learner.
   */
  async quizKey(lessonId: string, manager = this.dataSource.manager): Promise<QuizKey | null> {
    const lesson = await manager.getRepository(Lesson).findOneBy({ id: lessonId, kind: 'quiz' });
    if (!lesson) return null;
    const questions = (await this.quizzes.questionsOf(manager, [lessonId])).get(lessonId) ?? [];
    return {
      lessonId,
      passMark: lesson.passMark ?? 0,
      attemptLimit: lesson.attemptLimit,
      questions: questions.map((question) => ({
        id: question.id,
        multiple: question.multiple,
        choiceIds: question.choices.map((choice) => choice.id),
        correctChoiceIds: question.choices.filter((choice) => choice.correct).map((c) => c.id),
      })),
    };
  }
}

const LESSON_RULE_COLUMNS = {
  id: true,
  courseId: true,
  sectionId: true,
  position: true,
  title: true,
  kind: true,
  required: true,
  durationSeconds: true,
  completionThreshold: true,
  videoId: true,
  videoReady: true,
} as const;

function lessonRule(lesson: Lesson): LessonRule {
  return {
    lessonId: lesson.id,
    courseId: lesson.courseId,
    sectionId: lesson.sectionId,
    title: lesson.title,
    kind: lesson.kind,
    required: lesson.required,
    durationSeconds: lesson.durationSeconds,
    completionThreshold: lesson.completionThreshold,
    videoId: lesson.videoId,
    videoReady: lesson.videoReady,
  };
}

const courseFacts = (course: Course): CourseFacts => ({
  courseId: course.id,
  facilityId: course.facilityId,
  title: course.title,
  status: course.status,
  capacity: course.capacity,
  hours: course.hours,
  validityMonths: course.validityMonths,
  enrollmentOpensAt: course.enrollmentOpensAt,
  enrollmentClosesAt: course.enrollmentClosesAt,
  publishedAt: course.publishedAt,
});
