import type { TableOwnership } from './table-ownership';

/** The transactional outbox, which every domain writes through `recordEvent`. */
export const TABLES: TableOwnership = { owns: ['outbox_events'] };
