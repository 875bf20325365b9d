import type { TableOwnership } from '@lifelong/database';

/**
 * Courses, their tags and catalogue words, sections, lessons, quizzes and review policies; `courses_view` (each
 * course's facility and hours) for programme monitoring.
 */
export const TABLES: TableOwnership = {
  owns: [
    'courses',
    'course_tags',
    'course_search_terms',
    'course_sections',
    'lessons',
    'quiz_questions',
    'quiz_choices',
    'course_review_policies',
  ],
  readModels: ['courses_view'],
};
