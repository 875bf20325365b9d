/**
 * Who answers for a learner's unit: the org managers of the nearest unit on its path (the unit
 * itself, else its nearest ancestor) that has any, and, for escalation, those of the next unit
 * above that one that has any. A department without its own training officer is then looked
 * after by the agency's, and an escalation always reaches someone higher than the first notice.
 */
export interface ManagingUnits {
  /** Told when the learner's training is overdue. */
  responsible?: string;
  /** Told when it is still overdue after the escalation period. */
  above?: string;
}

/** `pathIds` from the root down to the learner's unit; `managed` the units with managers. */
export function managingUnits(
  pathIds: readonly string[],
  managed: ReadonlySet<string>,
): ManagingUnits {
  const upward = [...pathIds].reverse().filter((id) => managed.has(id));
  return { responsible: upward[0], above: upward[1] };
}
