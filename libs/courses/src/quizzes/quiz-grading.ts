/**
 * A quiz as grading needs it: the pass mark, the attempt limit and, per question, its choices
 * and which are correct. Obtained with `CourseOutline.quizKey(lessonId)`; never sent to learners.
 */
export interface QuizKey {
  lessonId: string;
  /** Percent (0–100) a score must reach to pass. */
  passMark: number;
  /** Attempts allowed per learner; null for no limit. */
  attemptLimit: number | null;
  questions: {
    id: string;
    multiple: boolean;
    choiceIds: string[];
    correctChoiceIds: string[];
  }[];
}

/** A learner's answer to one question: the choices they picked. */
export interface QuizAnswer {
  questionId: string;
  choiceIds: string[];
}

/** The outcome of an attempt. */
export interface QuizGrade {
  /** Percent of questions answered exactly right, rounded down (0–100). */
  score: number;
  passed: boolean;
  /** Ids of the questions answered exactly right. */
  correctQuestionIds: string[];
}

/**
 * Why an attempt's answers cannot be graded as sent: a question not in the quiz, a choice not of
 * its question, a question answered twice, a choice picked twice, or several choices for a
 * single-choice question. Empty when the answers are well-formed. Unanswered questions are not
 * a problem: they score nothing.
 */
export function answerProblems(key: QuizKey, answers: readonly QuizAnswer[]): string[] {
  const problems: string[] = [];
  const questions = new Map(key.questions.map((question) => [question.id, question]));
  const answered = new Set<string>();
  for (const answer of answers) {
    const question = questions.get(answer.questionId);
    if (!question) {
      problems.push(`question ${answer.questionId} is not in this quiz`);
      continue;
    }
    if (answered.has(answer.questionId))
      problems.push(`question ${answer.questionId} is answered more than once`);
    answered.add(answer.questionId);
    if (new Set(answer.choiceIds).size !== answer.choiceIds.length)
      problems.push(`question ${answer.questionId} names a choice more than once`);
    for (const choiceId of answer.choiceIds)
      if (!question.choiceIds.includes(choiceId))
        problems.push(`choice ${choiceId} is not a choice of question ${answer.questionId}`);
    if (!question.multiple && answer.choiceIds.length > 1)
      problems.push(`question ${answer.questionId} takes a single choice`);
  }
  return problems;
}

/**
 * Grades well-formed answers (check {@link answerProblems} first): a question scores when the
 * chosen set equals its correct set; the score is the percent of the quiz's questions that
 * scored, rounded down; the attempt passes when the score reaches the pass mark.
 */
export function gradeAttempt(key: QuizKey, answers: readonly QuizAnswer[]): QuizGrade {
  const chosen = new Map(answers.map((answer) => [answer.questionId, new Set(answer.choiceIds)]));
  const correctQuestionIds = key.questions
    .filter((question) => {
      const picked = chosen.get(question.id);
      return (
        picked !== undefined &&
        picked.size === question.correctChoiceIds.length &&
        question.correctChoiceIds.every((id) => picked.has(id))
      );
    })
    .map((question) => question.id);
  const total = key.questions.length;
  const score = total === 0 ? 0 : Math.floor((correctQuestionIds.length * 100) / total);
  return { score, passed: total > 0 && score >= key.passMark, correctQuestionIds };
}
