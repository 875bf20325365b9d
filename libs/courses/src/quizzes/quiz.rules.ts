/** A question as an author sends it. */
export interface QuestionDraft {
  text: string;
  multiple: boolean;
  choices: { text: string; correct: boolean }[];
}

export const MIN_CHOICES = 2;
export const MAX_CHOICES = 10;
export const MAX_QUESTIONS = 100;
/** The pass mark of a quiz whose author gives none. */
export const DEFAULT_PASS_MARK = 80;

/**
 * What is wrong with a quiz's questions, by field path (`questions.0.choices`, as the
 * validation pipe names fields), empty when nothing is. A single-choice question needs exactly
 * one correct choice, a multiple-choice one at least one; every question at least two choices,
 * and no two choices of a question with the same text.
 */
export function quizProblems(questions: readonly QuestionDraft[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  if (questions.length > MAX_QUESTIONS)
    add('questions', `a quiz has at most ${MAX_QUESTIONS} questions`);
  questions.forEach((question, index) => {
    const field = `questions.${index}.choices`;
    const correct = question.choices.filter((choice) => choice.correct).length;
    if (question.choices.length < MIN_CHOICES || question.choices.length > MAX_CHOICES)
      add(field, `a question has ${MIN_CHOICES} to ${MAX_CHOICES} choices`);
    if (!question.multiple && correct !== 1)
      add(field, `a single-choice question has exactly one correct choice (found ${correct})`);
    if (question.multiple && correct < 1)
      add(field, 'a multiple-choice question has at least one correct choice');
    const texts = question.choices.map((choice) => choice.text.trim().toLowerCase());
    if (new Set(texts).size !== texts.length) add(field, 'two choices have the same text');
  });
  return problems;
}
