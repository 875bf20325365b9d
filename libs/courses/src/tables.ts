import type { TableOwnership } from '@lifelong/database';

/**
 * Courses, their tags and catalogue words, sections, lessons, quizzes and review policies.
 * Read models: `courses_view` (each course's facility, hours, title and status) for programme
 * monitoring and the television schedule, `lessons_view` (each lesson's course, title, kind and
 * completion rule) for the television schedule and the progress report's one read.
 */
export const TABLES: TableOwnership = {
  owns: [
    'courses',
    'course_tags',
    'course_search_terms',
    'catalogue_terms',
    'catalogue_term_counts',
    'course_sections',
    'lessons',
    'quiz_questions',
    'quiz_choices',
    'course_review_policies',
  ],
  readModels: ['courses_view', 'lessons_view'],
};
