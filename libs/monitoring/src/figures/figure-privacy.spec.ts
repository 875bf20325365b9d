import type { Figures } from '../indicators/indicator-catalogue';
import { FEW, hiddenInGroup, publicFigures } from './figure-privacy';

const figures = (overrides: Partial<Figures>): Figures => ({
  facilities: 3,
  active_facilities: 2,
  learners: 40,
  enrollments: 50,
  completions: 20,
  completion_rate: 0,
  learning_hours: 80,
  certificates_issued: 18,
  television_airings: 4,
  television_attendances: 12,
  television_group_attendances: 30,
  trained_civil_servants_central: 25,
  trained_civil_servants_province: 15,
  trained_civil_servants_district: 10,
  trained_civil_servants_commune: 7,
  offline_classes: 6,
  offline_class_learners: 90,
  ...overrides,
});

describe('figure privacy', () => {
  it('shows a count of five or more and hides one under five, zero included', () => {
    const four = figures({ completions: 4 });
    const shown = publicFigures(four, hiddenInGroup([{ id: 'a', figures: four }]).get('a')!);
    expect(shown).toMatchObject({ enrollments: 50, completions: FEW, completion_rate: FEW });
    // The hours are summed over completions: 0 hours would say no course with hours was done.
    expect(shown.learning_hours).toBe(FEW);
    const none = hiddenInGroup([{ id: 'a', figures: figures({ certificates_issued: 0 }) }]);
    expect([...none.get('a')!]).toEqual(['certificates_issued']);
  });

  it('never hides facility counts or hours for themselves, since they count no one', () => {
    const hidden = hiddenInGroup([
      { id: 'a', figures: figures({ facilities: 1, active_facilities: 0, learning_hours: 2 }) },
    ]);
    expect(hidden.get('a')!.size).toBe(0);
  });

  it('hides the smallest other sibling when exactly one is hidden (no subtraction)', () => {
    const hidden = hiddenInGroup([
      { id: 'a', figures: figures({ enrollments: 3 }) },
      { id: 'b', figures: figures({ enrollments: 12 }) },
      { id: 'c', figures: figures({ enrollments: 9 }) },
    ]);
    expect(hidden.get('a')!.has('enrollments')).toBe(true);
    expect(hidden.get('c')!.has('enrollments')).toBe(true);
    expect(hidden.get('b')!.has('enrollments')).toBe(false);
  });

  it('hides the smallest visible sibling while the hidden ones add up to under five', () => {
    // 1 + 2 hidden: the parent minus the visible 30 and 40 would say "3" for the pair.
    const few = hiddenInGroup([
      { id: 'a', figures: figures({ learners: 1 }) },
      { id: 'b', figures: figures({ learners: 2 }) },
      { id: 'c', figures: figures({ learners: 30 }) },
      { id: 'd', figures: figures({ learners: 40 }) },
    ]);
    expect(['a', 'b', 'c', 'd'].filter((id) => few.get(id)!.has('learners'))).toEqual([
      'a',
      'b',
      'c',
    ]);
    // 3 + 4 hidden: the pair's 7 names no one, so the others stay.
    const enough = hiddenInGroup([
      { id: 'a', figures: figures({ learners: 3 }) },
      { id: 'b', figures: figures({ learners: 4 }) },
      { id: 'c', figures: figures({ learners: 30 }) },
    ]);
    expect(enough.get('c')!.has('learners')).toBe(false);
  });

  it('breaks a tie by id, so every request hides the same sibling', () => {
    const group = [
      { id: 'z', figures: figures({ completions: 7 }) },
      { id: 'm', figures: figures({ completions: 7 }) },
      { id: 'a', figures: figures({ completions: 2 }) },
    ];
    expect(hiddenInGroup(group).get('m')!.has('completions')).toBe(true);
    expect(
      hiddenInGroup([...group].reverse())
        .get('m')!
        .has('completions'),
    ).toBe(true);
    expect(hiddenInGroup(group).get('z')!.has('completions')).toBe(false);
  });

  it('computes the completion rate from the counts when both are shown', () => {
    expect(publicFigures(figures({ enrollments: 6, completions: 5 }), new Set())).toMatchObject({
      completion_rate: 83.3,
      learning_hours: 80,
    });
  });
});
