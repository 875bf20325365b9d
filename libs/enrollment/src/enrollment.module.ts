import { CoursesModule } from '@lifelong/courses';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompleteLessonService } from './completion/complete-lesson.service';
import { CourseCompletion } from './completion/course-completion.service';
import { EnrollLearnerService } from './enrollments/enroll-learner.service';
import { EnrollMandatedMany } from './enrollments/enroll-mandated-many.service';
import { Enrollment } from './enrollments/enrollment.entity';
import { EnrollmentLookup } from './enrollments/enrollment-lookup.service';
import { EnrollmentReadsService } from './enrollments/enrollment-reads.service';
import { EnrollmentsRepository } from './enrollments/enrollments.repository';
import { WithdrawEnrollmentService } from './enrollments/withdraw-enrollment.service';
import { LearnerStanding } from './progress/learner-standing.service';
import { LessonProgress } from './progress/lesson-progress.entity';
import { LessonProgressRepository } from './progress/lesson-progress.repository';
import { RecordProgressService } from './progress/record-progress.service';
import { CourseLearnersRepository } from './learners/course-learners.repository';
import { CourseLearners } from './learners/course-learners.service';
import { QuizAttempt } from './quizzes/quiz-attempt.entity';
import { QuizAttemptsRepository } from './quizzes/quiz-attempts.repository';
import { SubmitQuizAttemptService } from './quizzes/submit-quiz-attempt.service';

/** What this lib's controllers and job, and other domains, use. */
const SERVICES = [
  CompleteLessonService,
  CourseLearners,
  EnrollLearnerService,
  EnrollMandatedMany,
  EnrollmentReadsService,
  RecordProgressService,
  SubmitQuizAttemptService,
  WithdrawEnrollmentService,
];

/** Read ports: what other domains may know of enrollments, without reading their tables. */
const READ_PORTS = [EnrollmentLookup, LearnerStanding];

/** Queries and rules that stay inside the lib. */
const INTERNAL = [
  CourseCompletion,
  CourseLearnersRepository,
  EnrollmentsRepository,
  LessonProgressRepository,
  QuizAttemptsRepository,
];

/**
 * Enrollments, capacity and waitlist, lesson progress, quiz attempts and completion: services
 * for the api and for other domains (training enrolls people, television completes lessons).
 * Needs AppConfig, Clock and the database.
 */
@Module({
  imports: [CoursesModule, TypeOrmModule.forFeature([Enrollment, LessonProgress, QuizAttempt])],
  providers: [...SERVICES, ...READ_PORTS, ...INTERNAL],
  exports: [...SERVICES, ...READ_PORTS],
})
export class EnrollmentModule {}
