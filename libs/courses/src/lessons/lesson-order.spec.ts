import { describeOrderProblems, lessonOrderProblems } from './lesson-order';

describe('lessonOrderProblems', () => {
  const current = ['a', 'b', 'c'];

  it('accepts any permutation of the section’s lessons', () => {
    expect(lessonOrderProblems(current, ['c', 'a', 'b'])).toBeNull();
    expect(lessonOrderProblems(current, ['a', 'b', 'c'])).toBeNull();
    expect(lessonOrderProblems([], [])).toBeNull();
  });

  it('names a dropped lesson', () => {
    expect(lessonOrderProblems(current, ['c', 'a'])).toEqual({
      missing: ['b'],
      duplicated: [],
      unknown: [],
    });
  });

  it('names a duplicated lesson, even when the count matches', () => {
    expect(lessonOrderProblems(current, ['a', 'a', 'c'])).toEqual({
      missing: ['b'],
      duplicated: ['a'],
      unknown: [],
    });
  });

  it('names lessons of other sections', () => {
    expect(lessonOrderProblems(current, ['a', 'b', 'c', 'x'])).toEqual({
      missing: [],
      duplicated: [],
      unknown: ['x'],
    });
  });

  it('describes each problem for the 400', () => {
    expect(describeOrderProblems({ missing: ['b'], duplicated: ['a'], unknown: ['x'] })).toEqual([
      'lessonIds leaves out lesson(s) b',
      'lessonIds names lesson(s) a more than once',
      'lessonIds names x, not lessons of this section',
    ]);
  });
});
