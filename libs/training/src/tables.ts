import type { TableOwnership } from '@lifelong/database';

/** Requirements and their versions, assignments, the notice ledger, compliance snapshots and per-unit counts. */
export const TABLES: TableOwnership = {
  owns: [
    'training_requirements',
    'training_requirement_versions',
    'training_assignments',
    'training_notices',
    'training_snapshots',
    'training_unit_counts',
  ],
};
