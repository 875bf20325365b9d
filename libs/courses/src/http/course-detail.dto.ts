import { FACILITY_TYPES, type FacilityType } from '@lifelong/organizations';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { CourseDetailView } from '../courses/course-view';
import type { ReviewPolicyView } from '../publishing/review-policies.service';
import { CourseDto } from './course.dto';
import { SectionWithLessonsDto } from './lesson.dto';

/** The facility giving the course, with where it is. */
export class CourseFacilityDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Trung tâm GDNN-GDTX quận Ba Đình' }) name!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) type!: FacilityType;
  @ApiProperty({
    example: 'Ba Đình, Hà Nội',
    description: 'Its administrative units, from the nearest up to the province',
  })
  place!: string;
}

/** `GET /courses/{id}`: the course with its facility and `sections[].lessons[]`. */
export class CourseDetailDto extends CourseDto {
  @ApiProperty({ type: CourseFacilityDto, nullable: true }) facility!: CourseFacilityDto | null;
  @ApiProperty({ type: [SectionWithLessonsDto] }) sections!: SectionWithLessonsDto[];

  static detail(course: CourseDetailView): CourseDetailDto {
    return {
      ...CourseDto.from(course),
      facility: course.facility && {
        ...course.facility,
        type: course.facility.type as FacilityType,
      },
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
