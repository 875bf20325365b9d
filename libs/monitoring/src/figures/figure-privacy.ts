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
 * hidden; and when exactly one member of the group hides a count, the smallest other member
 * hides it too (the lowest id on a tie), or the parent's total minus the visible siblings would
 * give the hidden one away. The answer depends on the group alone, so a unit hides the same
 * figures whether it is asked for itself or listed as a child of its parent.
 */
export function hiddenInGroup(group: readonly GroupMember[]): Map<string, Set<IndicatorCode>> {
  const hidden = new Map(group.map((member) => [member.id, new Set<IndicatorCode>()]));
  const byId = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const code of PEOPLE_COUNTS) {
    const few = byId.filter((member) => member.figures[code] < 5);
    for (const member of few) hidden.get(member.id)!.add(code);
    if (few.length !== 1) continue;
    const smallest = byId
      .filter((member) => member !== few[0])
      .reduce<GroupMember | undefined>(
        (least, member) => (!least || member.figures[code] < least.figures[code] ? member : least),
        undefined,
      );
    if (smallest) hidden.get(smallest.id)!.add(code);
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
