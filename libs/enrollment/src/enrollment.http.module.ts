import { Module } from '@nestjs/common';
import { EnrollmentModule } from './enrollment.module';
import { CourseEnrollmentsController } from './http/course-enrollments.controller';
import { CourseLearnersController } from './http/course-learners.controller';
import { EnrollmentsController } from './http/enrollments.controller';
import { LessonProgressController } from './http/lesson-progress.controller';
import { MyEnrollmentsController } from './http/my-enrollments.controller';

/** The enrollment and progress routes (api process only). */
@Module({
  imports: [EnrollmentModule],
  controllers: [
    CourseEnrollmentsController,
    CourseLearnersController,
    EnrollmentsController,
    LessonProgressController,
    MyEnrollmentsController,
  ],
})
export class EnrollmentHttpModule {}
