import type { TableOwnership } from '@lifelong/database';

/**
 * Enrollments, their lessons' progress and quiz attempts. Read models: `enrollments_view` (each
 * enrollment's status, moments and progress) for programme monitoring and training's statuses,
 * `lesson_progress_view` (which lessons an enrollment has begun or completed) for training.
 */
export const TABLES: TableOwnership = {
  owns: ['enrollments', 'lesson_progress', 'quiz_attempts'],
  readModels: ['enrollments_view', 'lesson_progress_view'],
};
