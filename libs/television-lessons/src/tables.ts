import type { TableOwnership } from '@lifelong/database';

/**
 * Channels, broadcasts, attendance, lesson checks, feed tokens and schedule imports;
 * `broadcasts_view` and `broadcast_attendances_view` (airings and attendances, for the
 * programme's figures) are published read models.
 */
export const TABLES: TableOwnership = {
  owns: [
    'channels',
    'broadcasts',
    'broadcast_attendances',
    'group_attendance_records',
    'television_lesson_checks',
    'schedule_feed_tokens',
    'schedule_imports',
    'schedule_import_errors',
  ],
  readModels: ['broadcasts_view', 'broadcast_attendances_view'],
};
