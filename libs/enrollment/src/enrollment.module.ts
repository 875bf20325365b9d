import { CoursesModule } from '@lifelong/courses';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompleteLessonService } from './completion/complete-lesson.service';
import { CourseCompletion } from './completion/course-completion';
import { EnrollLearnerService } from './enrollments/enroll-learner.service';
import { EnrollMandatedMany } from './enrollments/enroll-mandated-many';
import { Enrollment } from './enrollments/enrollment.entity';
import { EnrollmentReadsService } from './enrollments/enrollment-reads.service';
import { EnrollmentsRepository } from './enrollments/enrollments.repository';
import { WithdrawEnrollmentService } from './enrollments/withdraw-enrollment.service';
import { LessonProgress } from './progress/lesson-progress.entity';
import { LessonProgressRepository } from './progress/lesson-progress.repository';
import { RecordProgressService } from './progress/record-progress.service';
import { QuizAttempt } from './quizzes/quiz-attempt.entity';
import { QuizAttemptsRepository } from './quizzes/quiz-attempts.repository';
import { SubmitQuizAttemptService } from './quizzes/submit-quiz-attempt.service';

const SERVICES = [
  CompleteLessonService,
  CourseCompletion,
  EnrollLearnerService,
  EnrollMandatedMany,
  EnrollmentReadsService,
  EnrollmentsRepository,
  LessonProgressRepository,
  QuizAttemptsRepository,
  RecordProgressService,
  SubmitQuizAttemptService,
  WithdrawEnrollmentService,
];

/**
 * Enrollments, capacity and waitlist, lesson progress, quiz attempts and completion: services
 * for the api and for other domains (training enrolls people, television completes lessons).
 * Needs AppConfig, Clock and the database.
 */
@Module({
  imports: [CoursesModule, TypeOrmModule.forFeature([Enrollment, LessonProgress, QuizAttempt])],
  providers: SERVICES,
  exports: SERVICES,
})
export class EnrollmentModule {}
