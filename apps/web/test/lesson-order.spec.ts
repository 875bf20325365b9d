import { moveLesson } from '../src/studio/lesson-order';

describe('moving a lesson within its section', () => {
  it('moves it one place up or down', () => {
    expect(moveLesson(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLesson(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the order as it is past either end', () => {
    expect(moveLesson(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveLesson(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
