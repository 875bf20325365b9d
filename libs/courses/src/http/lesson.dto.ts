import { ID_PATTERN } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type {
  ChoiceView,
  LessonView,
  QuestionView,
  SectionView,
  SectionWithLessons,
} from '../courses/course-view';
import { LESSON_KINDS, type LessonKind } from '../lessons/lesson-kind';
import { MAX_CHOICES, MAX_QUESTIONS } from '../quizzes/quiz.rules';
import { MAX_READING_BODY_LENGTH } from '../reading/sanitize-reading';
import { LINE_PATTERN, OptionalNotNull, TEXT_PATTERN, Trim } from './field.rules';

export class CreateSectionDto {
  @ApiProperty({ example: 'Phần 1. Làm quen', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(LINE_PATTERN, { message: 'title must be text without line breaks' })
  title!: string;
}

export class ChoiceInputDto {
  @ApiProperty({ maxLength: 500 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, { message: 'text must be plain text' })
  text!: string;

  @ApiProperty()
  @IsBoolean()
  correct!: boolean;
}

export class QuestionInputDto {
  @ApiProperty({ maxLength: 1000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @Matches(TEXT_PATTERN, { message: 'text must be plain text' })
  text!: string;

  @ApiPropertyOptional({ default: false, description: 'More than one choice may be correct' })
  @IsOptional()
  @IsBoolean()
  multiple: boolean = false;

  @ApiProperty({ type: [ChoiceInputDto], minItems: 2, maxItems: MAX_CHOICES })
  @IsArray()
  @ArrayMaxSize(MAX_CHOICES)
  @ValidateNested({ each: true })
  @Type(() => ChoiceInputDto)
  choices!: ChoiceInputDto[];
}

/** The optional fields of a lesson, on creation and on `PATCH`. */
class LessonOptionsDto {
  @ApiPropertyOptional({ default: true, description: 'Needed for the course to complete' })
  @OptionalNotNull()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    default: 90,
    description: 'Video and television: percent of the duration that completes the lesson',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(100)
  completionThreshold?: number;

  @ApiPropertyOptional({
    maxLength: MAX_READING_BODY_LENGTH,
    description: 'Reading: HTML; scripts, event handlers and javascript: links are removed',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(MAX_READING_BODY_LENGTH)
  body?: string;

  @ApiPropertyOptional({ type: [QuestionInputDto], maxItems: MAX_QUESTIONS, description: 'Quiz' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => QuestionInputDto)
  questions?: QuestionInputDto[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    default: 80,
    description: 'Quiz: percent to pass',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100)
  passMark?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    description: 'Quiz; null: no limit',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  attemptLimit?: number | null;
}

export class CreateLessonDto extends LessonOptionsDto {
  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(LINE_PATTERN, { message: 'title must be text without line breaks' })
  title!: string;

  @ApiProperty({ enum: LESSON_KINDS })
  @IsIn(LESSON_KINDS)
  kind!: LessonKind;
}

/** `PATCH /lessons/{id}`: any field of the lesson but its kind. */
export class UpdateLessonDto extends LessonOptionsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(LINE_PATTERN, { message: 'title must be text without line breaks' })
  title?: string;
}

export class LessonOrderDto {
  @ApiProperty({
    type: [String],
    description: 'Every lesson of the section, once, in the new order',
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each of lessonIds must be an id' })
  lessonIds!: string[];
}

export class ChoiceDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ description: 'Course staff only; never sent to learners' })
  correct?: boolean;
}

export class QuestionDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() multiple!: boolean;
  @ApiProperty({ type: [ChoiceDto] }) choices!: ChoiceDto[];
}

/** api.md `lesson`. */
export class LessonDto {
  @ApiProperty() id!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind!: LessonKind;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true }) videoId!: string | null;
  @ApiProperty({ description: 'The attached video can be played' }) videoReady!: boolean;
  @ApiProperty({ type: Number, nullable: true }) completionThreshold!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Reading: sanitized HTML' })
  body!: string | null;
  @ApiProperty({ type: Number, nullable: true }) passMark!: number | null;
  @ApiProperty({ type: Number, nullable: true }) attemptLimit!: number | null;
  @ApiPropertyOptional({ type: [QuestionDto], description: 'Quiz lessons only' })
  questions?: QuestionDto[];

  static from(lesson: LessonView): LessonDto {
    // The view already holds exactly the lesson's public fields; only questions change shape.
    const { questions, ...fields } = lesson;
    return questions ? { ...fields, questions: questions.map(questionDto) } : fields;
  }
}

function questionDto(question: QuestionView): QuestionDto {
  return {
    id: question.id,
    text: question.text,
    multiple: question.multiple,
    choices: question.choices.map(choiceDto),
  };
}

/** `correct` is copied only when the view carries it (staff); a learner's view never does. */
function choiceDto(choice: ChoiceView): ChoiceDto {
  return choice.correct === undefined
    ? { id: choice.id, text: choice.text }
    : { id: choice.id, text: choice.text, correct: choice.correct };
}

export class SectionDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() position!: number;

  static from(section: SectionView): SectionDto {
    return { id: section.id, title: section.title, position: section.position };
  }
}

export class SectionWithLessonsDto extends SectionDto {
  @ApiProperty({ type: [LessonDto] }) lessons!: LessonDto[];

  static withLessons(section: SectionWithLessons): SectionWithLessonsDto {
    return { ...SectionDto.from(section), lessons: section.lessons.map((l) => LessonDto.from(l)) };
  }
}
