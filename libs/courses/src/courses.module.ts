import { CatalogueRepository } from './catalogue/catalogue.repository';
import { CatalogueTermsRepository } from './catalogue/catalogue-terms.repository';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CourseCatalogue } from './catalogue/course-catalogue.service';
import { AuthoringGate } from './courses/authoring-gate.service';
import { CourseAuthoring } from './courses/course-authoring.service';
import { Course } from './courses/course.entity';
import { CourseStaff } from './courses/course-staff.service';
import { CourseStructure } from './courses/course-structure.service';
import { CourseTag } from './courses/course-tag.entity';
import { CoursesRepository } from './courses/courses.repository';
import { LessonAuthoring } from './lessons/lesson-authoring.service';
import { LessonPackages } from './lessons/lesson-packages.service';
import { LessonVideos } from './lessons/lesson-videos.service';
import { Lesson } from './lessons/lesson.entity';
import { LessonsRepository } from './lessons/lessons.repository';
import { CoursePublishing } from './publishing/course-publishing.service';
import { CourseReviewPolicy } from './publishing/course-review-policy.entity';
import { ReviewPoliciesRepository } from './publishing/review-policies.repository';
import { ReviewPolicies } from './publishing/review-policies.service';
import { QuizChoice } from './quizzes/quiz-choice.entity';
import { QuizQuestion } from './quizzes/quiz-question.entity';
import { QuizzesRepository } from './quizzes/quizzes.repository';
import { CourseOutline } from './seats/course-outline.repository';
import { CourseSeats } from './seats/course-seats.repository';
import { CourseSection } from './sections/course-section.entity';
import { SectionAuthoring } from './sections/section-authoring.service';
import { SectionsRepository } from './sections/sections.repository';
import { StudioCoursesRepository } from './studio/studio-courses.repository';
import { StudioCourses } from './studio/studio-courses.service';

/** What this lib's controllers and the demo seeder use. */
const SERVICES = [
  CourseAuthoring,
  CourseCatalogue,
  CoursePublishing,
  LessonAuthoring,
  ReviewPolicies,
  SectionAuthoring,
  StudioCourses,
];

/** What other domains use: course facts and lessons, seats, staff, a lesson's video. */
const FOR_OTHER_DOMAINS = [CourseOutline, CourseSeats, CourseStaff, LessonPackages, LessonVideos];

/** Queries and checks that stay inside the lib. */
const INTERNAL = [
  AuthoringGate,
  CourseStructure,
  CatalogueRepository,
  CatalogueTermsRepository,
  CoursesRepository,
  LessonsRepository,
  QuizzesRepository,
  ReviewPoliciesRepository,
  SectionsRepository,
  StudioCoursesRepository,
];

/**
 * Courses, sections, lessons, quizzes, publishing and the catalogue: services for the api and
 * for other domains (enrollment uses CourseSeats and CourseOutline; distance-lessons uses
 * LessonVideos). Scope checks need organizations' global ScopeHierarchy binding.
 */
@Module({
  imports: [
    IdentityModule,
    TypeOrmModule.forFeature([
      Course,
      CourseTag,
      CourseSection,
      Lesson,
      QuizQuestion,
      QuizChoice,
      CourseReviewPolicy,
    ]),
  ],
  providers: [...SERVICES, ...FOR_OTHER_DOMAINS, ...INTERNAL],
  exports: [...SERVICES, ...FOR_OTHER_DOMAINS],
})
export class CoursesModule {}
