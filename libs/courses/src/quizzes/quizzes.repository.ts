import { newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { QuestionView } from '../courses/course-view';
import { QuizChoice } from './quiz-choice.entity';
import { QuizQuestion } from './quiz-question.entity';
import type { QuestionDraft } from './quiz.rules';

/** Quiz questions and choices of lessons, written and read in the caller's transaction. */
@Injectable()
export class QuizzesRepository {
  /** Replaces a quiz's questions (new ids: earlier ids no longer answer anything). */
  async replace(manager: EntityManager, lessonId: string, drafts: QuestionDraft[]): Promise<void> {
    await manager.getRepository(QuizQuestion).delete({ lessonId });
    if (drafts.length === 0) return;
    const questions = drafts.map((draft, index) => ({
      id: newId(),
      lessonId,
      position: index + 1,
      text: draft.text.trim().normalize('NFC'),
      multiple: draft.multiple,
    }));
    await manager.getRepository(QuizQuestion).insert(questions);
    const choices = drafts.flatMap((draft, index) =>
      draft.choices.map((choice, position) => ({
        id: newId(),
        questionId: questions[index]!.id,
        position: position + 1,
        text: choice.text.trim().normalize('NFC'),
        correct: choice.correct,
      })),
    );
    await manager.getRepository(QuizChoice).insert(choices);
  }

  /** Each lesson's questions in order, with `correct` on every choice (strip it for learners). */
  async questionsOf(
    manager: EntityManager,
    lessonIds: readonly string[],
  ): Promise<Map<string, QuestionView[]>> {
    const byLesson = new Map<string, QuestionView[]>(lessonIds.map((id) => [id, []]));
    if (lessonIds.length === 0) return byLesson;
    const questions = await manager.getRepository(QuizQuestion).find({
      where: { lessonId: In([...lessonIds]) },
      order: { lessonId: 'ASC', position: 'ASC' },
    });
    const choices = questions.length
      ? await manager.getRepository(QuizChoice).find({
          where: { questionId: In(questions.map((question) => question.id)) },
          order: { questionId: 'ASC', position: 'ASC' },
        })
      : [];
    const views = new Map<string, QuestionView>();
    for (const question of questions) {
      const view = {
        id: question.id,
        text: question.text,
        multiple: question.multiple,
        choices: [],
      };
      views.set(question.id, view);
      byLesson.get(question.lessonId)?.push(view);
    }
    for (const choice of choices)
      views.get(choice.questionId)?.choices.push({
        id: choice.id,
        text: choice.text,
        correct: choice.correct,
      });
    return byLesson;
  }

  /** How many questions each quiz has. */
  async countsOf(
    manager: EntityManager,
    lessonIds: readonly string[],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>(lessonIds.map((id) => [id, 0]));
    if (lessonIds.length === 0) return counts;
    const rows = await manager
      .getRepository(QuizQuestion)
      .createQueryBuilder('question')
      .select('question.lessonId', 'lessonId')
      .addSelect('COUNT(*)', 'count')
      .where('question.lessonId IN (:...lessonIds)', { lessonIds })
      .groupBy('question.lessonId')
      .getRawMany<{ lessonId: string; count: string }>();
    for (const row of rows) counts.set(row.lessonId, Number(row.count));
    return counts;
  }
}
