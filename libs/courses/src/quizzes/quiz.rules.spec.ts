import { quizProblems, type QuestionDraft } from './quiz.rules';

const choice = (text: string, correct = false) => ({ text, correct });
const single = (...choices: QuestionDraft['choices']): QuestionDraft => ({
  text: 'Câu hỏi?',
  multiple: false,
  choices,
});
const multiple = (...choices: QuestionDraft['choices']): QuestionDraft => ({
  ...single(...choices),
  multiple: true,
});

describe('quizProblems', () => {
  it('accepts well-formed single- and multiple-choice questions', () => {
    expect(
      quizProblems([
        single(choice('Đúng', true), choice('Sai')),
        multiple(choice('A', true), choice('B', true), choice('C')),
        multiple(choice('A', true), choice('B')),
      ]),
    ).toEqual({});
  });

  it('wants exactly one correct choice in a single-choice question', () => {
    expect(quizProblems([single(choice('A'), choice('B'))])).toEqual({
      'questions.0.choices': ['a single-choice question has exactly one correct choice (found 0)'],
    });
    expect(quizProblems([single(choice('A', true), choice('B', true))])).toEqual({
      'questions.0.choices': ['a single-choice question has exactly one correct choice (found 2)'],
    });
  });

  it('wants at least one correct choice in a multiple-choice question', () => {
    expect(
      quizProblems([single(choice('A', true), choice('B')), multiple(choice('A'), choice('B'))]),
    ).toEqual({
      'questions.1.choices': ['a multiple-choice question has at least one correct choice'],
    });
  });

  it('wants two to ten choices with different texts', () => {
    expect(quizProblems([single(choice('A', true))])['questions.0.choices']).toContain(
      'a question has 2 to 10 choices',
    );
    const eleven = Array.from({ length: 11 }, (_, i) => choice(`C${i}`, i === 0));
    expect(quizProblems([single(...eleven)])['questions.0.choices']).toContain(
      'a question has 2 to 10 choices',
    );
    expect(
      quizProblems([single(choice('Có', true), choice(' có '))])['questions.0.choices'],
    ).toEqual(['two choices have the same text']);
  });

  it('caps a quiz at a hundred questions', () => {
    const many = Array.from({ length: 101 }, () => single(choice('A', true), choice('B')));
    expect(quizProblems(many).questions).toEqual(['a quiz has at most 100 questions']);
  });
});
