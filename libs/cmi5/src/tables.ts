import type { TableOwnership } from '@lifelong/database';

/** cmi5 packages of lessons, learners' registrations in them, and launch sessions. */
export const TABLES: TableOwnership = {
  owns: ['cmi5_packages', 'cmi5_registrations', 'cmi5_sessions'],
};
