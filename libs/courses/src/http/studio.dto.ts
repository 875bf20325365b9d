import { ID_PATTERN, PageQuery } from '@lifelong/common';
import { FACILITY_TYPES } from '@lifelong/organizations';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COURSE_STATUSES, type CourseStatus } from '../courses/course-status';
import type { StudioCourseView, StudioFacilityView } from '../studio/studio-courses.service';
import { CourseDto } from './course.dto';

export class StudioCoursesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COURSE_STATUSES })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  status?: CourseStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'facilityId must be an id' })
  facilityId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Words of the title, summary or tags; diacritics, case and đ/d do not matter',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** A course in the studio: the api's `course`, its facility's name and its last change. */
export class StudioCourseDto extends CourseDto {
  @ApiProperty() facilityName!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static fromStudio(course: StudioCourseView): StudioCourseDto {
    return {
      ...CourseDto.from(course),
      facilityName: course.facilityName,
      updatedAt: course.updatedAt.toISOString(),
    };
  }
}

export class StudioCoursePageDto {
  @ApiProperty({ type: [StudioCourseDto] }) items!: StudioCourseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** A facility where the caller authors courses. */
export class StudioFacilityDto implements StudioFacilityView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) type!: string;
  @ApiProperty({ description: "Its courses wait for a facility admin's approval" })
  requiresReview!: boolean;
  @ApiProperty({ description: 'The caller may approve its courses' }) approver!: boolean;
}

export class StudioFacilityPageDto {
  @ApiProperty({ type: [StudioFacilityDto] }) items!: StudioFacilityDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
