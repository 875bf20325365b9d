import type { TableOwnership } from '@lifelong/database';

/**
 * Enrollments, their lessons' progress and quiz attempts; `enrollments_view` (each enrollment's
 * status and moments) for programme monitoring.
 */
export const TABLES: TableOwnership = {
  owns: ['enrollments', 'lesson_progress', 'quiz_attempts'],
  readModels: ['enrollments_view'],
};
