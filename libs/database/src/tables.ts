import type { TableOwnership } from './table-ownership';

/**
 * The transactional outbox, which every domain writes through `recordEvent`, and its archive of
 * events relayed long ago (the housekeeping job moves them there).
 */
export const TABLES: TableOwnership = { owns: ['outbox_events', 'outbox_events_archive'] };
