import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { CourseDetailView } from '../courses/course-view';
import type { ReviewPolicyView } from '../publishing/review-policies.service';
import { CourseDto } from './course.dto';
import { SectionWithLessonsDto } from './lesson.dto';

/** `GET /courses/{id}`: the course with `sections[].lessons[]`. */
export class CourseDetailDto extends CourseDto {
  @ApiProperty({ type: [SectionWithLessonsDto] }) sections!: SectionWithLessonsDto[];

  static detail(course: CourseDetailView): CourseDetailDto {
    return {
      ...CourseDto.from(course),
      sections: course.sections.map((section) => SectionWithLessonsDto.withLessons(section)),
    };
  }
}

export class ReviewPolicyInputDto {
  @ApiProperty({ description: "Courses wait for a facility admin's approval before publishing" })
  @IsBoolean()
  requiresReview!: boolean;
}

export class ReviewPolicyDto {
  @ApiProperty() facilityId!: string;
  @ApiProperty() requiresReview!: boolean;

  static from(policy: ReviewPolicyView): ReviewPolicyDto {
    return { facilityId: policy.facilityId, requiresReview: policy.requiresReview };
  }
}
