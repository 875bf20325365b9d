import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Lesson } from '../lessons/lesson.entity';
import { LessonsRepository } from '../lessons/lessons.repository';
import { QuizzesRepository } from '../quizzes/quizzes.repository';
import { SectionsRepository } from '../sections/sections.repository';
import type { LessonView, QuestionView, SectionWithLessons } from './course-view';

/** Whether a view may carry quiz answers: only the course's staff see `correct`. */
export type Audience = 'staff' | 'learner';

/** Sections and lessons of a course, in order, as views for an audience. */
@Injectable()
export class CourseStructure {
  constructor(
    private readonly sectionRows: SectionsRepository,
    private readonly lessonRows: LessonsRepository,
    private readonly quizzes: QuizzesRepository,
  ) {}

  async sections(
    manager: EntityManager,
    courseId: string,
    audience: Audience,
  ): Promise<SectionWithLessons[]> {
    const sections = await this.sectionRows.listOf(manager, courseId);
    const lessons = await this.lessonsOf(manager, { courseId });
    const views = await this.lessonViews(manager, lessons, audience);
    return sections.map((section) => ({
      id: section.id,
      title: section.title,
      position: section.position,
      lessons: views.filter((lesson) => lesson.sectionId === section.id),
    }));
  }

  /** The lessons of a section or a course, by position. */
  lessonsOf(
    manager: EntityManager,
    where: { courseId: string } | { sectionId: string },
  ): Promise<Lesson[]> {
    return this.lessonRows.listOf(manager, where);
  }

  async lessonViews(
    manager: EntityManager,
    lessons: readonly Lesson[],
    audience: Audience,
  ): Promise<LessonView[]> {
    const quizIds = lessons.filter((lesson) => lesson.kind === 'quiz').map((lesson) => lesson.id);
    const questions = await this.quizzes.questionsOf(manager, quizIds);
    return lessons.map((lesson) => lessonView(lesson, questions.get(lesson.id), audience));
  }
}

/** A lesson as the api shows it; a learner's view of a quiz has no `correct` anywhere. */
export function lessonView(
  lesson: Lesson,
  questions: QuestionView[] | undefined,
  audience: Audience,
): LessonView {
  const view: LessonView = {
    id: lesson.id,
    sectionId: lesson.sectionId,
    position: lesson.position,
    title: lesson.title,
    kind: lesson.kind,
    required: lesson.required,
    durationSeconds: lesson.durationSeconds,
    videoId: lesson.videoId,
    videoReady: lesson.videoReady,
    completionThreshold: lesson.completionThreshold,
    body: lesson.body,
    passMark: lesson.passMark,
    attemptLimit: lesson.attemptLimit,
  };
  if (lesson.kind === 'quiz')
    view.questions = (questions ?? []).map((question) => ({
      ...question,
      choices: question.choices.map(({ id, text, correct }) =>
        audience === 'staff' ? { id, text, correct } : { id, text },
      ),
    }));
  return view;
}
