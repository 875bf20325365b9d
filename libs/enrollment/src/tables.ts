import type { TableOwnership } from '@lifelong/database';

/** Enrollments, their lessons' progress and quiz attempts. */
export const TABLES: TableOwnership = { owns: ['enrollments', 'lesson_progress', 'quiz_attempts'] };
