import type { TableOwnership } from '@lifelong/database';

/** The stored programme figures (per administrative-unit subtree, facility type and period). */
export const TABLES: TableOwnership = { owns: ['monitoring_figures'] };
