import { fieldsSet, lessonFieldProblems } from './lesson-input';

describe('lessonFieldProblems', () => {
  it('accepts each kind with its own fields', () => {
    expect(lessonFieldProblems('video', { title: 'a', completionThreshold: 80 })).toEqual({});
    expect(lessonFieldProblems('television', { completionThreshold: 50 })).toEqual({});
    expect(lessonFieldProblems('reading', { body: '<p>x</p>' })).toEqual({});
    expect(
      lessonFieldProblems('quiz', {
        passMark: 70,
        attemptLimit: 3,
        questions: [
          {
            text: 'q',
            multiple: false,
            choices: [
              { text: 'a', correct: true },
              { text: 'b', correct: false },
            ],
          },
        ],
      }),
    ).toEqual({});
  });

  it('refuses fields of another kind', () => {
    expect(lessonFieldProblems('video', { body: '<p>x</p>', passMark: 50 })).toEqual({
      body: ['body is only for reading lessons'],
      passMark: ['passMark is only for quiz lessons'],
    });
    expect(lessonFieldProblems('quiz', { completionThreshold: 90 })).toEqual({
      completionThreshold: ['completionThreshold is only for video and television lessons'],
    });
  });

  it('checks quiz questions', () => {
    expect(
      lessonFieldProblems('quiz', {
        questions: [
          {
            text: 'q',
            multiple: false,
            choices: [
              { text: 'a', correct: false },
              { text: 'b', correct: false },
            ],
          },
        ],
      }),
    ).toEqual({
      'questions.0.choices': ['a single-choice question has exactly one correct choice (found 0)'],
    });
  });
});

describe('fieldsSet', () => {
  it('lists the fields a patch sets, null included', () => {
    expect(fieldsSet({ title: 'a', body: undefined, attemptLimit: null })).toEqual([
      'title',
      'attemptLimit',
    ]);
  });
});
