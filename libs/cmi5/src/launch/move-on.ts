import type { MoveOn } from '../packages/course-structure';

/** What the AU has reported in its registration so far. */
export interface Verdicts {
  completed: boolean;
  passed: boolean;
}

/** Whether the AU's `moveOn` criterion holds (cmi5 10.2.5); NotApplicable always does. */
export function moveOnSatisfied(moveOn: MoveOn, { completed, passed }: Verdicts): boolean {
  switch (moveOn) {
    case 'Completed':
      return completed;
    case 'Passed':
      return passed;
    case 'CompletedAndPassed':
      return completed && passed;
    case 'CompletedOrPassed':
      return completed || passed;
    case 'NotApplicable':
      return true;
  }
}
