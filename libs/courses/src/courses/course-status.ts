/** A course's lifecycle (domain.md): draft → (in_review) → published → archived. */
export const COURSE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
