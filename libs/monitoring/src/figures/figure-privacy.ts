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

/** The figures as published, with `hidden` replaced by "< 5" (and the rate that would reveal them). */
export function publicFigures(figures: Figures, hidden: ReadonlySet<IndicatorCode>): PublicFigures {
  const shown = {} as PublicFigures;
  for (const code of INDICATOR_CODES) shown[code] = hidden.has(code) ? FEW : figures[code];
  shown.completion_rate =
    hidden.has('completions') || hidden.has('enrollments')
      ? FEW
      : completionRate(figures.completions, figures.enrollments);
  return shown;
}
