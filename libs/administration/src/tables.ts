import type { TableOwnership } from '@lifelong/database';

/** None: administration composes the screens of other domains from what they publish. */
export const TABLES: TableOwnership = { owns: [] };
