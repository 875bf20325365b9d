import { quizProblems, type QuestionDraft } from '../quizzes/quiz.rules';
import { type LessonKind, WATCHED_KINDS } from './lesson-kind';

/** A lesson as an author sends it (shape checked by the DTOs). */
export interface NewLesson {
  title: string;
  kind: LessonKind;
  required?: boolean;
  /** Video and television: percent of the duration that completes the lesson (default 90). */
  completionThreshold?: number;
  /** Reading: HTML, sanitized before it is stored. */
  body?: string;
  /** Quiz: the questions, their choices and which are correct. */
  questions?: QuestionDraft[];
  /** Quiz: percent to pass (default 80). */
  passMark?: number;
  /** Quiz: attempts allowed; null or missing for no limit. */
  attemptLimit?: number | null;
}

/** Lesson fields to change (the kind never changes). */
export type LessonPatch = Partial<Omit<NewLesson, 'kind'>>;

const ONLY_FOR: Record<string, readonly LessonKind[]> = {
  completionThreshold: WATCHED_KINDS,
  body: ['reading'],
  questions: ['quiz'],
  passMark: ['quiz'],
  attemptLimit: ['quiz'],
};

/**
 * Field problems for a lesson of `kind`, in the validation pipe's shape: fields that belong to
 * another kind (a body on a quiz, questions on a video…) and malformed questions.
 */
export function lessonFieldProblems(
  kind: LessonKind,
  fields: LessonPatch,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  for (const [field, kinds] of Object.entries(ONLY_FOR))
    if (fields[field as keyof LessonPatch] !== undefined && !kinds.includes(kind))
      problems[field] = [`${field} is only for ${kinds.join(' and ')} lessons`];
  if (kind === 'quiz' && fields.questions) Object.assign(problems, quizProblems(fields.questions));
  return problems;
}

/** The names of the fields a patch sets, for the lifecycle rules. */
export const fieldsSet = (patch: LessonPatch): string[] =>
  Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
