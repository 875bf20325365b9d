import { chunksOf } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FIGURES, UnitCountsRepository } from './unit-counts.repository';

/** What a nightly reconciliation found: units whose counts had drifted, now repaired. */
export interface CountsReconciliation {
  repaired: number;
}

/** Units recounted per transaction (their rows stay locked until it commits). */
const RECOUNT_CHUNK = 200;

/**
 * The direct per-unit counts the compliance report rolls up (`training_unit_counts`). Triggers
 * on `training_assignments` move them in the statement that changes an assignment (see the
 * migration `CreateTrainingUnitCounts`); what no assignment statement sees is a person changing
 * unit, so the units a moved person belonged to are recounted here, and every unit is checked
 * nightly, repairing any drift (a move whose recount job failed for good, a write racing a move of the
 * same person, a hand edit of the counts).
 *
 * A recount locks the unit's row first, then reads the committed assignments: a writer that
 * already moved the row has committed by then (and is counted), one still on its way adds its
 * change on top after the recount commits. So a recount never loses or doubles a change.
 */
@Injectable()
export class UnitCounts {
  private readonly logger = new Logger('UnitCounts');

  constructor(private readonly counts: UnitCountsRepository) {}

  /** Recounts every unit these people are or were members of (they moved, joined or left). */
  async followMembers(userIds: readonly string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    return this.recount(await this.counts.unitsOfMembers(userIds));
  }

  /**
   * `training.reconcile-counts`: compares every unit's counts with its assignments in one
   * set-based pass (a consistent read, no lock) and recounts the units that differ.
   */
  async reconcile(): Promise<CountsReconciliation> {
    const drifted = await this.counts.drifted();
    const repaired = await this.recount(drifted);
    if (repaired > 0) this.logger.warn(`compliance counts repaired in ${repaired} units`);
    else this.logger.log('compliance counts match the assignments in every unit');
    return { repaired };
  }

  /** Recounts the units, returning how many had counts that differed. */
  async recount(orgUnitIds: readonly string[]): Promise<number> {
    let changed = 0;
    // One order for every recount, so two recounts never wait on each other's rows in a cycle.
    const sorted = [...new Set(orgUnitIds)].sort();
    for (const chunk of chunksOf(sorted, RECOUNT_CHUNK))
      changed += await this.counts.transaction((manager) => this.recountChunk(manager, chunk));
    return changed;
  }

  private async recountChunk(
    manager: EntityManager,
    orgUnitIds: readonly string[],
  ): Promise<number> {
    const stored = await this.counts.lockStored(manager, orgUnitIds);
    const fresh = await this.counts.fresh(manager, orgUnitIds);
    const freshByUnit = new Map(fresh.map((row) => [row.orgUnitId, row]));
    let changed = 0;
    for (const row of stored) {
      const truth = freshByUnit.get(row.orgUnitId);
      const values = FIGURES.map((figure) => Number(truth?.[figure] ?? 0));
      if (FIGURES.every((figure, i) => Number(row[figure]) === values[i])) continue;
      await this.counts.store(manager, row.orgUnitId, values);
      changed += 1;
    }
    return changed;
  }
}
