/**
 * Enrollment: learners in courses (capacity, waitlist, enrollment window), lesson progress
 * (distinct watched seconds under a real-time credit rule), quiz attempts, and completion of
 * lessons and courses with `enrollment.*` events through the outbox.
 *
 * Import {@link EnrollmentModule} for the services below; the api adds
 * {@link EnrollmentHttpModule}, the worker {@link EnrollmentWorkerModule}.
 */

/** Services for other domains; needs AppConfig, Clock, the database and CoursesModule. */
export { EnrollmentModule } from './enrollment.module';
/** The enrollment and progress routes (api only). */
export { EnrollmentHttpModule } from './enrollment.http.module';
/** `enrollment.fill-free-seats`: waitlisted learners get seats a capacity raise freed (worker only). */
export { EnrollmentWorkerModule } from './enrollment.worker.module';

/** One learner in one course. */
export { Enrollment } from './enrollments/enrollment.entity';
/** One learner's progress in one lesson (watched intervals, position, completion). */
export { LessonProgress } from './progress/lesson-progress.entity';
/**
 * Statuses and sources of an enrollment, and the pure rules: which statuses may learn, windows,
 * seats and percent.
 */
export {
  countedLessonIds,
  ENROLLMENT_SOURCES,
  ENROLLMENT_STATUSES,
  type EnrollmentSource,
  type EnrollmentStatus,
  type EnrollmentWindow,
  isLearningStatus,
  isWindowOpen,
  LEARNING_STATUSES,
  progressPercent,
  seatFor,
} from './enrollments/enrollment.rules';
/** Why enrollment refused something. */
export { EnrollmentError, type EnrollmentErrorCode } from './enrollment-error';

/**
 * Enrolling: `enroll` (self, idempotent, windowed, waitlisted when full) and `enrollMandated`
 * (mandated training: never blocked by capacity or window; promotes a waitlisted learner).
 */
export { EnrollLearnerService, type EnrollOutcome } from './enrollments/enroll-learner.service';
/**
 * Mandated enrollment of many people in one transaction (multi-row, course locked once, no
 * per-person event): `enroll(manager, courseId, userIds, at)` returns each one's enrollment id.
 */
export { EnrollMandatedMany } from './enrollments/enroll-mandated-many.service';
/**
 * Withdrawing (a freed seat goes to the oldest waitlisted learner in the same transaction), and
 * `fillFreeSeats(courseId)` to seat waiting learners after a capacity was raised.
 */
export { WithdrawEnrollmentService } from './enrollments/withdraw-enrollment.service';
/** A learner's own enrollments, and one with every lesson's progress. */
export {
  type EnrollmentDetail,
  EnrollmentReadsService,
  type LessonProgressStatus,
  type LessonProgressView,
} from './enrollments/enrollment-reads.service';
/**
 * Completing a lesson outright: `completeLesson(enrollmentId, lessonId)` and
 * `completeLessonForLearner(userId, lessonId)` for television attendance; completes the course
 * with its last counted lesson, in the same transaction. `revokeLessonCompletion(userId,
 * lessonId)` takes a completion back when its evidence was voided (the course reopens).
 */
export {
  CompleteLessonService,
  type CompletionRevocation,
  type LessonCompletionOutcome,
} from './completion/complete-lesson.service';
/** A player's progress report on a video lesson (the hot write path). */
export {
  type ProgressReport,
  type ProgressResult,
  RecordProgressService,
} from './progress/record-progress.service';
/** A quiz attempt: graded, counted against the limit, completing the lesson when passed. */
export {
  type QuizAttemptOutcome,
  SubmitQuizAttemptService,
} from './quizzes/submit-quiz-attempt.service';
/** Distinct watched seconds: merge, clip, count, and the stored binary form. */
export { type Interval, WatchedIntervals } from './progress/watched-intervals';
/** The real-time credit rule and the completion threshold, as pure functions. */
export {
  applyWatchReport,
  creditAllowance,
  type CreditRules,
  secondsToComplete,
  type WatchReport,
  type WatchState,
  watchCompletes,
} from './progress/watch-report';
/**
 * Read ports for other domains: who is learning in a course, whether a course or a lesson is
 * completed ({@link EnrollmentLookup}); whether a learner may watch a lesson video and where it
 * resumes ({@link LearnerStanding}). The enrollment tables stay behind them.
 */
export {
  type CompletedEnrollment,
  EnrollmentLookup,
} from './enrollments/enrollment-lookup.service';
export { LearnerStanding, type Standing } from './progress/learner-standing.service';
