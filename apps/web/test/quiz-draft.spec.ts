import { blankQuestion, questionProblem, withMultiple } from '../src/studio/quiz-draft';

const question = (over: Partial<ReturnType<typeof blankQuestion>> = {}) => ({
  text: 'Thủ đô của Việt Nam?',
  multiple: false,
  choices: [
    { text: 'Hà Nội', correct: true },
    { text: 'Huế', correct: false },
  ],
  ...over,
});

describe("the quiz builder's rules (the server's)", () => {
  it('accepts a well-formed question of either kind', () => {
    expect(questionProblem(question())).toBeNull();
    expect(
      questionProblem(
        question({
          multiple: true,
          choices: [
            { text: '2', correct: true },
            { text: '3', correct: false },
            { text: '4', correct: true },
          ],
        }),
      ),
    ).toBeNull();
  });

  it('names the first problem of a question', () => {
    expect(questionProblem(question({ text: '  ' }))).toBe('quiz.problem.text');
    expect(questionProblem(blankQuestion())).toBe('quiz.problem.text');
    expect(questionProblem(question({ choices: [{ text: 'Hà Nội', correct: true }] }))).toBe(
      'quiz.problem.tooFewChoices',
    );
    expect(
      questionProblem(
        question({
          choices: [
            { text: 'Hà Nội', correct: true },
            { text: ' ', correct: false },
          ],
        }),
      ),
    ).toBe('quiz.problem.choiceText');
    expect(
      questionProblem(
        question({
          choices: [
            { text: 'Hà Nội', correct: true },
            { text: 'hà nội', correct: false },
          ],
        }),
      ),
    ).toBe('quiz.problem.sameChoices');
    expect(
      questionProblem(
        question({
          choices: [
            { text: 'Hà Nội', correct: true },
            { text: 'Huế', correct: true },
          ],
        }),
      ),
    ).toBe('quiz.problem.oneCorrect');
    expect(
      questionProblem(
        question({
          multiple: true,
          choices: [
            { text: 'Hà Nội', correct: false },
            { text: 'Huế', correct: false },
          ],
        }),
      ),
    ).toBe('quiz.problem.someCorrect');
  });

  it('keeps only the first correct choice when a question becomes single choice', () => {
    const many = question({
      multiple: true,
      choices: [
        { text: 'a', correct: false },
        { text: 'b', correct: true },
        { text: 'c', correct: true },
      ],
    });
    expect(withMultiple(many, false).choices.map((choice) => choice.correct)).toEqual([
      false,
      true,
      false,
    ]);
  });
});
