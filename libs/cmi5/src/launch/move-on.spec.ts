import { MOVE_ON } from '../packages/course-structure';
import { moveOnSatisfied } from './move-on';

describe('moveOn (cmi5 10.2.5)', () => {
  const verdicts = [
    { completed: false, passed: false },
    { completed: true, passed: false },
    { completed: false, passed: true },
    { completed: true, passed: true },
  ];
  const expected: Record<(typeof MOVE_ON)[number], boolean[]> = {
    Completed: [false, true, false, true],
    Passed: [false, false, true, true],
    CompletedAndPassed: [false, false, false, true],
    CompletedOrPassed: [false, true, true, true],
    NotApplicable: [true, true, true, true],
  };
  it.each(MOVE_ON)('%s holds exactly when its criterion is met', (moveOn) => {
    expect(verdicts.map((v) => moveOnSatisfied(moveOn, v))).toEqual(expected[moveOn]);
  });
});
