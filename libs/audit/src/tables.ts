import type { TableOwnership } from '@lifelong/database';

/** The append-only audit trail. */
export const TABLES: TableOwnership = { owns: ['audit_entries'] };
