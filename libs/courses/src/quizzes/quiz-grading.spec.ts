import { answerProblems, gradeAttempt, type QuizKey } from './quiz-grading';

const key: QuizKey = {
  lessonId: 'l1',
  passMark: 60,
  attemptLimit: 3,
  questions: [
    { id: 'q1', multiple: false, choiceIds: ['a', 'b'], correctChoiceIds: ['a'] },
    { id: 'q2', multiple: true, choiceIds: ['c', 'd', 'e'], correctChoiceIds: ['c', 'd'] },
    { id: 'q3', multiple: false, choiceIds: ['f', 'g'], correctChoiceIds: ['g'] },
  ],
};

describe('gradeAttempt', () => {
  it('scores a question only when the chosen set equals the correct set', () => {
    const grade = gradeAttempt(key, [
      { questionId: 'q1', choiceIds: ['a'] },
      { questionId: 'q2', choiceIds: ['c'] },
      { questionId: 'q3', choiceIds: ['g'] },
    ]);
    expect(grade).toEqual({ score: 66, passed: true, correctQuestionIds: ['q1', 'q3'] });
  });

  it('gives nothing for a superset, and accepts any order', () => {
    expect(
      gradeAttempt(key, [
        { questionId: 'q2', choiceIds: ['c', 'd', 'e'] },
        { questionId: 'q3', choiceIds: ['g'] },
      ]).correctQuestionIds,
    ).toEqual(['q3']);
    expect(
      gradeAttempt(key, [{ questionId: 'q2', choiceIds: ['d', 'c'] }]).correctQuestionIds,
    ).toEqual(['q2']);
  });

  it('fails below the pass mark, rounding the score down', () => {
    expect(gradeAttempt(key, [{ questionId: 'q1', choiceIds: ['a'] }])).toMatchObject({
      score: 33,
      passed: false,
    });
    expect(
      gradeAttempt({ ...key, passMark: 67 }, [
        { questionId: 'q1', choiceIds: ['a'] },
        { questionId: 'q3', choiceIds: ['g'] },
      ]),
    ).toMatchObject({ score: 66, passed: false });
  });

  it('passes with everything right, and never passes an empty quiz', () => {
    expect(
      gradeAttempt(key, [
        { questionId: 'q1', choiceIds: ['a'] },
        { questionId: 'q2', choiceIds: ['c', 'd'] },
        { questionId: 'q3', choiceIds: ['g'] },
      ]),
    ).toMatchObject({ score: 100, passed: true });
    expect(gradeAttempt({ ...key, passMark: 0, questions: [] }, [])).toMatchObject({
      score: 0,
      passed: false,
    });
  });
});

describe('answerProblems', () => {
  it('accepts partial, well-formed answers', () => {
    expect(answerProblems(key, [{ questionId: 'q2', choiceIds: ['c', 'e'] }])).toEqual([]);
    expect(answerProblems(key, [])).toEqual([]);
  });

  it('names unknown questions and choices, repeats and several picks for a single choice', () => {
    expect(
      answerProblems(key, [
        { questionId: 'nope', choiceIds: ['a'] },
        { questionId: 'q1', choiceIds: ['c'] },
        { questionId: 'q1', choiceIds: ['a', 'b'] },
        { questionId: 'q2', choiceIds: ['c', 'c'] },
      ]),
    ).toEqual([
      'question nope is not in this quiz',
      'choice c is not a choice of question q1',
      'question q1 is answered more than once',
      'question q1 takes a single choice',
      'question q2 names a choice more than once',
    ]);
  });
});
