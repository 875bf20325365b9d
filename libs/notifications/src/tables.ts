import type { TableOwnership } from '@lifelong/database';

/** The inbox, deliveries, preferences and digests. */
export const TABLES: TableOwnership = {
  owns: [
    'notifications',
    'notification_deliveries',
    'notification_preferences',
    'notification_digest_entries',
    'notification_digests',
  ],
};
