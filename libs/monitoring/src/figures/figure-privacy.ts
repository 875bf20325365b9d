import {
  completionRate,
  type Figures,
  INDICATOR_CODES,
  type IndicatorCode,
  PEOPLE_COUNTS,
} from '../indicators/indicator-catalogue';

/** What the public sees for a figure about fewer than five people. */
export const FEW = '< 5';

/** A figure as published: the number, or "< 5". */
export type PublicFigure = number | typeof FEW;
export type PublicFigures = Record<IndicatorCode, PublicFigure>;

/** A unit's figures among the units that share its parent (the order breaks ties). */
export interface GroupMember {
  id: string;
  figures: Figures;
}

/**
 * Which people counts of each member of a sibling group are hidden. A count under five is
 * hidden. The parent's total minus the visible siblings gives the hidden ones' sum away, so
 * while that sum is under five (one hidden count alone always is), the smallest visible member
 * hides it too (the lowest id on a tie). The answer depends on the group alone, so a unit hides
 * the same figures whether it is asked for itself or listed as a child of its parent.
 */
export function hiddenInGroup(group: readonly GroupMember[]): Map<string, Set<IndicatorCode>> {
  const hidden = new Map(group.map((member) => [member.id, new Set<IndicatorCode>()]));
  const byId = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const code of PEOPLE_COUNTS) {
    // Smallest first, the lowest id first on a tie.
    const visible = [...byId].sort((a, b) => a.figures[code] - b.figures[code]);
    let hiddenSum = 0;
    let hiddenCount = 0;
    while (visible.length > 0) {
      const next = visible[0]!;
      const few = next.figures[code] < 5;
      if (!few && (hiddenCount === 0 || hiddenSum >= 5)) break;
      visible.shift();
      hidden.get(next.id)!.add(code);
      hiddenSum += next.figures[code];
      hiddenCount += 1;
    }
  }
  return hidden;
}

/**
 * Figures that are not people counts but are worked out from one, so they would give a hidden
 * count away (a unit with 0 learning hours had no completion of a course with stated hours):
 * each is hidden whenever a count it comes from is.
 */
const DERIVED_FROM: Partial<Record<IndicatorCode, readonly IndicatorCode[]>> = {
  completion_rate: ['completions', 'enrollments'],
  learning_hours: ['completions'],
};

/** The figures as published, with `hidden` and the figures derived from them replaced by "< 5". */
export function publicFigures(figures: Figures, hidden: ReadonlySet<IndicatorCode>): PublicFigures {
  const shown = {} as PublicFigures;
  for (const code of INDICATOR_CODES) {
    const revealing = hidden.has(code) || DERIVED_FROM[code]?.some((from) => hidden.has(from));
    shown[code] = revealing ? FEW : figures[code];
  }
  if (shown.completion_rate !== FEW) {
    shown.completion_rate = completionRate(figures.completions, figures.enrollments);
  }
  return shown;
}
