import { FACILITY_TYPES, type FacilityType } from '@lifelong/organizations';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { CourseDetailView } from '../courses/course-view';
import type { ReviewPolicyView } from '../publishing/review-policies.service';
import { CourseDto } from './course.dto';
import { TEXT_PATTERN, Trim } from './field.rules';
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
/** Why a facility admin returned the course from review. */
export class ReviewNoteDto {
  @ApiProperty() comment!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CourseDetailDto extends CourseDto {
  @ApiProperty({ type: CourseFacilityDto, nullable: true }) facility!: CourseFacilityDto | null;
  @ApiProperty({ type: [SectionWithLessonsDto] }) sections!: SectionWithLessonsDto[];
  @ApiPropertyOptional({
    type: ReviewNoteDto,
    nullable: true,
    description: "The course's staff only: the comment of the last facility admin who returned it",
  })
  reviewNote?: ReviewNoteDto | null;

  static detail(course: CourseDetailView): CourseDetailDto {
    return {
      ...CourseDto.from(course),
      facility: course.facility && {
        ...course.facility,
        type: course.facility.type as FacilityType,
      },
      sections: course.sections.map((section) => SectionWithLessonsDto.withLessons(section)),
      ...(course.reviewNote !== undefined
        ? {
            reviewNote: course.reviewNote && {
              comment: course.reviewNote.comment,
              at: course.reviewNote.at.toISOString(),
            },
          }
        : {}),
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

/** `POST /courses/{id}/return`: why the course goes back to its authors. */
export class ReturnCourseDto {
  @ApiProperty({ maxLength: 2000, example: 'Bài đọc 2 còn thiếu phần ví dụ.' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(TEXT_PATTERN, { message: 'comment must be plain text' })
  comment!: string;
}
