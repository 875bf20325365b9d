import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import type { ProgressResult } from '../progress/record-progress.service';

/** Segments one report may carry: a player reports every few seconds, so a handful. */
export const MAX_SEGMENTS_PER_REPORT = 100;
/** No lesson is longer than a week; anything past the video's end is clipped anyway. */
const MAX_SECONDS = 604_800;

const isSecond = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_SECONDS;

const isSegment = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length === 2 &&
  isSecond(value[0]) &&
  isSecond(value[1]) &&
  value[0] <= value[1];

/** Each item a `[from, to]` pair of seconds with `0 ≤ from ≤ to`. */
const IsSegmentList = (): PropertyDecorator =>
  ValidateBy({
    name: 'isSegmentList',
    validator: {
      validate: (value: unknown) => Array.isArray(value) && value.every(isSegment),
      defaultMessage: (args) => {
        const value: unknown = args?.value;
        const bad = Array.isArray(value) ? value.findIndex((item) => !isSegment(item)) : -1;
        return `segments[${bad}] must be [from, to]: numbers of seconds with 0 ≤ from ≤ to ≤ ${MAX_SECONDS}`;
      },
    },
  });

export class ProgressReportDto {
  @ApiProperty({
    description: 'Segments played since the last report, `[from, to]` in seconds of the video',
    type: 'array',
    items: { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 2, maxItems: 2 },
    maxItems: MAX_SEGMENTS_PER_REPORT,
    example: [[120, 130.5]],
  })
  @IsArray()
  @ArrayMaxSize(MAX_SEGMENTS_PER_REPORT)
  @IsSegmentList()
  segments!: [number, number][];

  @ApiProperty({ description: 'Where the player is, in seconds', minimum: 0, example: 130.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_SECONDS)
  positionSeconds!: number;
}

export class ProgressResultDto {
  @ApiProperty() watchedSeconds!: number;
  @ApiProperty() durationSeconds!: number;
  @ApiProperty({ description: 'The lesson is completed' }) completed!: boolean;
  @ApiProperty({ description: 'The course is completed' }) courseCompleted!: boolean;

  static from(result: ProgressResult): ProgressResultDto {
    const { watchedSeconds, durationSeconds, completed, courseCompleted } = result;
    return { watchedSeconds, durationSeconds, completed, courseCompleted };
  }
}

export class LessonCompletionDto {
  @ApiProperty() lessonId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) completedAt!: Date;
  @ApiProperty({ description: 'The course is completed' }) courseCompleted!: boolean;
}

export class QuizAnswerDto {
  @ApiProperty()
  @IsString()
  @MaxLength(36)
  questionId!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  choiceIds!: string[];
}

export class QuizAttemptDto {
  @ApiProperty({ type: [QuizAnswerDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerDto)
  answers!: QuizAnswerDto[];
}

export class QuizAttemptResultDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent of questions answered right' })
  score!: number;
  @ApiProperty() passed!: boolean;
}
