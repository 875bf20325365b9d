import type { TableOwnership } from '@lifelong/database';

/**
 * Requirements and their versions, assignments, the notice ledger, compliance snapshots and
 * per-unit counts; a person's assignments and their requirements' titles as read models (the
 * administrators' user page).
 */
export const TABLES: TableOwnership = {
  owns: [
    'training_requirements',
    'training_requirement_versions',
    'training_assignments',
    'training_notices',
    'training_snapshots',
    'training_unit_counts',
  ],
  readModels: ['training_assignments_view', 'training_requirements_view'],
};
