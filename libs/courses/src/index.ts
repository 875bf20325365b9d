/**
 * Courses: a facility's courses with sections and lessons in order (video, television, reading,
 * quiz), publishing with readiness checks and optional review, and the public catalogue with
 * diacritics-insensitive, index-backed search.
 *
 * Import {@link CoursesModule} for the services below; the api adds {@link CoursesHttpModule}.
 * Courses has no jobs, hence no worker module. Organizations' global module must be loaded too
 * (scope checks and the facility and administrative-unit tables).
 *
 * For the enrollment lib: {@link CourseSeats} (seat counter under the course row lock),
 * {@link CourseOutline} (course facts, lessons and their completion rules, quiz keys) and the
 * pure {@link gradeAttempt} / {@link answerProblems}. For distance-lessons:
 * {@link LessonVideos.attachLessonVideo}.
 */

/** Services, entities and the lookups other domains use. */
export { CoursesModule } from './courses.module';
/** The courses routes (api only). */
export { CoursesHttpModule } from './courses.http.module';

/** Why the courses domain refused something, and its codes. */
export { CourseError, type CourseErrorCode } from './course-error';

/** The course lifecycle: draft → (in_review) → published → archived. */
export { COURSE_STATUSES, type CourseStatus } from './courses/course-status';
/** Lesson kinds, the kinds completed by watching, and the default completion threshold (90%). */
export {
  DEFAULT_COMPLETION_THRESHOLD,
  LESSON_KINDS,
  type LessonKind,
  WATCHED_KINDS,
} from './lessons/lesson-kind';

/**
 * Course codes (`TV-NN-01`): `readCourseCode(raw)` is the code as stored (trimmed, upper case) or
 * null when `raw` cannot be one; look a course up by `{ code: readCourseCode(raw) }`.
 */
export { normalizeCourseCode, readCourseCode } from './courses/course-code';

/** The course row, for relations from other domains' entities (`courses.id`). */
export { Course } from './courses/course.entity';
/** The lesson row, for relations from other domains' entities (`lessons.id`). */
export { Lesson } from './lessons/lesson.entity';
/** The section row. */
export { CourseSection } from './sections/course-section.entity';

/**
 * The seat counter for enrollment, inside the caller's transaction:
 * `lockForEnrollment(manager, courseId)` locks the course row and returns capacity, window,
 * status and seats taken; `adjustActive(manager, courseId, ±1)` moves the counter.
 */
export { CourseSeats, type SeatedCourse } from './seats/course-seats.repository';
/**
 * Read-only lookups: `course(courseId)`, `isPublished(courseId)`, `lessons(courseId)`,
 * `requiredLessons(courseId)`, `lesson(lessonId)` (with its course and section) and
 * `quizKey(lessonId)`; each takes an optional EntityManager to run in the caller's transaction.
 */
export {
  CourseOutline,
  type CourseFacts,
  type CourseTitle,
  type LessonRule,
} from './seats/course-outline.repository';
/**
 * Grading quiz attempts (pure): `answerProblems(key, answers)` lists malformed answers (unknown
 * question or choice, repeats); `gradeAttempt(key, answers)` scores them — a question scores when
 * the chosen set equals the correct set, the score is the percent of questions (rounded down),
 * and the attempt passes at `score >= passMark`.
 */
export {
  answerProblems,
  gradeAttempt,
  type QuizAnswer,
  type QuizGrade,
  type QuizKey,
} from './quizzes/quiz-grading';

/** Where the cmi5 lib names the package a cmi5 lesson launches (publishing needs one). */
export { LessonPackages } from './lessons/lesson-packages.service';
/** Where distance-lessons attaches a lesson's video (id, readiness, duration). */
export { LessonVideos, type LessonVideoState } from './lessons/lesson-videos.service';
/** Who is staff of a facility's courses (authors; approvers), for other domains' checks. */
export { CourseStaff } from './courses/course-staff.service';
export { APPROVER_ROLES, AUTHOR_ROLES } from './policies';

/** The authoring services (the api's routes, demo data). */
export { CourseAuthoring } from './courses/course-authoring.service';
export { SectionAuthoring } from './sections/section-authoring.service';
export { LessonAuthoring } from './lessons/lesson-authoring.service';
export { CoursePublishing } from './publishing/course-publishing.service';
export { ReviewPolicies, type ReviewPolicyView } from './publishing/review-policies.service';
/** The catalogue and a course's page. */
export {
  CourseCatalogue,
  type CatalogueFilter,
  type CataloguePage,
  type CatalogueTag,
} from './catalogue/course-catalogue.service';
/** The studio's lists: the caller's facilities and their courses in every state. */
export {
  StudioCourses,
  type StudioCourseFilter,
  type StudioCourseView,
  type StudioFacilityView,
} from './studio/studio-courses.service';
/** What the authoring services take. */
export type { CoursePatch, NewCourse } from './courses/course-input';
export type { LessonPatch, NewLesson } from './lessons/lesson-input';
export type { QuestionDraft } from './quizzes/quiz.rules';
/** What the services return. */
export type {
  ChoiceView,
  CourseDetailView,
  CourseView,
  LessonView,
  QuestionView,
  SectionView,
  SectionWithLessons,
} from './courses/course-view';

/**
 * The catalogue's SQL, for its plan tests and for bulk loading (`searchDocument` and
 * `documentTerms` from common build `courses.search_text` and `course_search_terms`,
 * `listingTerms` the keys of `catalogue_terms`).
 */
export {
  catalogueTagsStatements,
  courseRowsStatement,
  type CatalogueCriteria,
  chooseWalk,
  courseTagsStatement,
  facilitiesStatement,
  type SearchWord,
  type SqlStatement,
  countCap,
  matchesStatement,
  PAGES_AHEAD,
  termCountsStatement,
  type TermCounts,
  type Walk,
  walkTerms,
} from './catalogue/catalogue-sql';
export { ALL, facilityTerm, listingTerms, tagTerm } from './catalogue/catalogue-terms';
// The search folding itself lives in @lifelong/common (text/search-terms), shared with the
// user directory.
