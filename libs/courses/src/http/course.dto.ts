import { ID_PATTERN, PageQuery } from '@lifelong/common';
import { FACILITY_TYPES, type FacilityType } from '@lifelong/organizations';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { COURSE_STATUSES, type CourseStatus } from '../courses/course-status';
import type { CourseView } from '../courses/course-view';
import { MAX_TAGS } from '../courses/course-input';
import {
  COURSE_CODE_MAX_LENGTH,
  COURSE_CODE_MESSAGE,
  COURSE_CODE_PATTERN,
} from '../courses/course-code';
import {
  INSTANT_MESSAGE,
  INSTANT_PATTERN,
  LANGUAGE_PATTERN,
  LINE_PATTERN,
  OptionalNotNull,
  TEXT_PATTERN,
  Trim,
} from './field.rules';

/** The optional fields of a course, on creation and on `PATCH`. */
class CourseOptionsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'TV-NN-01',
    maxLength: COURSE_CODE_MAX_LENGTH,
    description:
      "What a catalogue or a broadcaster calls the course: 2–32 letters, digits, '-' or '.'; " +
      'stored upper case, unique across the platform (409 COURSE_CODE_TAKEN). null clears it.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(COURSE_CODE_PATTERN, { message: COURSE_CODE_MESSAGE })
  code?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 10_000,
    description: 'Plain text',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  @Matches(TEXT_PATTERN, { message: 'description must be plain text' })
  description?: string | null;

  @ApiPropertyOptional({ example: 'vi', default: 'vi' })
  @OptionalNotNull()
  @IsString()
  @Matches(LANGUAGE_PATTERN, { message: 'language must be a language tag like vi or en' })
  language?: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS, example: ['kỹ năng số'] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @Matches(LINE_PATTERN, { each: true, message: 'each tag must be text without line breaks' })
  tags?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, description: 'null: no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 9999.9 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(9999.9)
  hours?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  validityMonths?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  enrollmentOpensAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  enrollmentClosesAt?: string | null;
}

export class CreateCourseDto extends CourseOptionsDto {
  @ApiProperty({ description: 'The facility whose course this is' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'facilityId must be an id' })
  facilityId!: string;

  @ApiProperty({ example: 'Học tập suốt đời: phương pháp tự học', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(LINE_PATTERN, { message: 'title must be text without line breaks' })
  title!: string;

  @ApiProperty({ maxLength: 1000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @Matches(TEXT_PATTERN, { message: 'summary must be plain text' })
  summary!: string;
}

/** `PATCH /courses/{id}`: any field of the course but its facility. */
export class UpdateCourseDto extends CourseOptionsDto {
  @ApiPropertyOptional({ example: 'Học tập suốt đời: phương pháp tự học', maxLength: 200 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(LINE_PATTERN, { message: 'title must be text without line breaks' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @Matches(TEXT_PATTERN, { message: 'summary must be plain text' })
  summary?: string;
}

export class ListCoursesQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Words of the title, summary or tags; diacritics, case and đ/d do not matter',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'facilityId must be an id' })
  facilityId?: string;

  @ApiPropertyOptional({
    description: 'Courses of facilities anywhere in this administrative unit',
  })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'adminUnitId must be an id' })
  adminUnitId?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({
    enum: FACILITY_TYPES,
    description: 'Courses of facilities of this kind',
  })
  @IsOptional()
  @IsIn(FACILITY_TYPES)
  facilityType?: FacilityType;
}

/** A tag a visitor can filter the catalogue by. */
export class CatalogueTagDto {
  @ApiProperty({ example: 'Kỹ năng số' }) tag!: string;
  @ApiProperty({ description: 'Published courses carrying it' }) courses!: number;
}

export class CatalogueTagPageDto {
  @ApiProperty({ type: [CatalogueTagDto] }) items!: CatalogueTagDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** api.md `course`. */
export class CourseDto {
  @ApiProperty() id!: string;
  @ApiProperty() facilityId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'TV-NN-01' }) code!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: 'vi' }) language!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: Number, nullable: true }) capacity!: number | null;
  @ApiProperty({ type: Number, nullable: true }) hours!: number | null;
  @ApiProperty({ type: Number, nullable: true }) validityMonths!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enrollmentOpensAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enrollmentClosesAt!: string | null;
  @ApiProperty({ enum: COURSE_STATUSES }) status!: CourseStatus;
  @ApiProperty() activeEnrollments!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;

  static from(course: CourseView): CourseDto {
    return {
      id: course.id,
      facilityId: course.facilityId,
      code: course.code,
      title: course.title,
      summary: course.summary,
      description: course.description,
      language: course.language,
      tags: course.tags,
      capacity: course.capacity,
      hours: course.hours,
      validityMonths: course.validityMonths,
      enrollmentOpensAt: iso(course.enrollmentOpensAt),
      enrollmentClosesAt: iso(course.enrollmentClosesAt),
      status: course.status,
      activeEnrollments: course.activeEnrollments,
      createdAt: course.createdAt.toISOString(),
      publishedAt: iso(course.publishedAt),
    };
  }
}

export class CoursePageDto {
  @ApiProperty({ type: [CourseDto] }) items!: CourseDto[];
  @ApiProperty({ description: 'Matches, counted up to five pages past this one' })
  total!: number;
  @ApiProperty({
    description:
      'More courses match than `total` (show "120+"): a broad search is counted only a few pages ahead',
  })
  totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
