import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { CoursesModule } from './courses.module';
import { CoursesController, CourseTagsController } from './http/courses.controller';
import { ReviewPolicyController } from './http/review-policy.controller';
import { LessonsController, SectionsController } from './http/sections.controller';
import { StudioController } from './http/studio.controller';

/** The courses routes (api process only). */
@Module({
  imports: [IdentityModule, CoursesModule],
  controllers: [
    CoursesController,
    CourseTagsController,
    SectionsController,
    LessonsController,
    ReviewPolicyController,
    StudioController,
  ],
})
export class CoursesHttpModule {}
