/**
 * A quiz as the builder holds it, and the server's rules for it (quiz-rules in the api): 1 to
 * 100 questions, each with a text and 2 to 10 choices of different, non-empty texts; a single
 * choice question has exactly one correct choice, a multiple choice one at least one.
 */
export interface ChoiceDraft {
  text: string;
  correct: boolean;
}
export interface QuestionDraft {
  text: string;
  multiple: boolean;
  choices: ChoiceDraft[];
}

export const MAX_QUESTIONS = 100;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 10;

/** A `studio` text key naming what is wrong with a question, or null. */
export type QuestionProblem =
  | 'quiz.problem.text'
  | 'quiz.problem.choiceText'
  | 'quiz.problem.sameChoices'
  | 'quiz.problem.tooFewChoices'
  | 'quiz.problem.oneCorrect'
  | 'quiz.problem.someCorrect';

export function questionProblem(question: QuestionDraft): QuestionProblem | null {
  if (!question.text.trim()) return 'quiz.problem.text';
  if (question.choices.length < MIN_CHOICES) return 'quiz.problem.tooFewChoices';
  const texts = question.choices.map((choice) => choice.text.trim());
  if (texts.some((text) => !text)) return 'quiz.problem.choiceText';
  if (new Set(texts.map((text) => text.toLowerCase())).size !== texts.length)
    return 'quiz.problem.sameChoices';
  const correct = question.choices.filter((choice) => choice.correct).length;
  if (!question.multiple && correct !== 1) return 'quiz.problem.oneCorrect';
  if (question.multiple && correct < 1) return 'quiz.problem.someCorrect';
  return null;
}

export const blankQuestion = (): QuestionDraft => ({
  text: '',
  multiple: false,
  choices: [
    { text: '', correct: true },
    { text: '', correct: false },
  ],
});

/** Switching a question to single choice keeps only its first correct choice. */
export function withMultiple(question: QuestionDraft, multiple: boolean): QuestionDraft {
  if (multiple) return { ...question, multiple };
  const first = question.choices.findIndex((choice) => choice.correct);
  return {
    ...question,
    multiple,
    choices: question.choices.map((choice, index) => ({ ...choice, correct: index === first })),
  };
}
