import { ID_PATTERN, PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { TargetPreviewView } from '../assignments/target-preview.service';
import type { RequirementView, VersionView } from '../requirements/requirements.service';
import { iso } from './iso-date';

export class RecurrenceDto {
  @ApiPropertyOptional({ example: 12, description: 'Valid for N months after completion' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  everyMonths?: number;

  @ApiPropertyOptional({ example: '01-15', description: 'Valid until the next such day (MM-DD)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}-\d{2}$/, { message: 'annualOn must be MM-DD' })
  annualOn?: string;
}

export class RequirementBodyDto {
  @ApiProperty({ example: 'Bồi dưỡng an toàn thông tin', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'A published course; completing it satisfies the requirement' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'courseId must be an id' })
  courseId!: string;

  @ApiProperty({ description: 'The targeted org unit' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;

  @ApiPropertyOptional({ default: true, description: 'Also target every unit below' })
  @IsOptional()
  @IsBoolean()
  includeDescendants?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['Chuyên viên'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  positions?: string[];

  @ApiPropertyOptional({ type: [String], example: ['A1'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  jobGrades?: string[];

  @ApiPropertyOptional({
    example: 30,
    description: 'Due N days after assignment (not with dueDate)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  dueDays?: number;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'A fixed due date (not with dueDays)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string;

  @ApiPropertyOptional({ type: RecurrenceDto, description: 'Absent: once' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;

  @ApiPropertyOptional({ example: 30, description: 'Recertification window before expiry' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  windowDays?: number;

  @ApiPropertyOptional({ type: [Number], example: [14, 3], description: 'Days before due' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderDays?: number[];
}

export class RequirementDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() includeDescendants!: boolean;
  @ApiProperty({ type: [String], nullable: true }) positions!: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) jobGrades!: string[] | null;
  @ApiProperty({ type: Number, nullable: true }) dueDays!: number | null;
  @ApiProperty({ type: String, nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: RecurrenceDto, nullable: true }) recurrence!: RecurrenceDto | null;
  @ApiProperty() windowDays!: number;
  @ApiProperty({ type: [Number] }) reminderDays!: number[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from({ requirement, rules }: RequirementView): RequirementDto {
    const recurrence =
      rules.everyMonths !== null
        ? { everyMonths: rules.everyMonths }
        : rules.annualOn !== null
          ? { annualOn: rules.annualOn }
          : null;
    return {
      id: requirement.id,
      version: rules.version,
      title: rules.title,
      courseId: rules.courseId,
      orgUnitId: rules.orgUnitId,
      includeDescendants: Boolean(rules.includeDescendants),
      positions: rules.positions,
      jobGrades: rules.jobGrades,
      dueDays: rules.dueDays,
      dueDate: iso(rules.dueDate),
      recurrence,
      windowDays: rules.windowDays,
      reminderDays: rules.reminderDays,
      createdAt: requirement.createdAt.toISOString(),
      updatedAt: requirement.updatedAt.toISOString(),
    };
  }
}

export class RequirementListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId?: string;
}

export class RequirementPageDto {
  @ApiProperty({ type: [RequirementDto] }) items!: RequirementDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/**
 * The body of a requirement being written: the same fields as saving, all optional but the
 * unit, since only who is targeted (unit, sub-units, positions, job grades) changes the count.
 */
export class RequirementPreviewBodyDto extends PartialType(
  OmitType(RequirementBodyDto, ['orgUnitId']),
) {
  @ApiProperty({ description: 'The targeted org unit' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;
}

export class PreviewPersonDto {
  @ApiProperty() userId!: string;
  @ApiProperty() fullName!: string;
}

export class RequirementPreviewDto {
  @ApiProperty({ description: 'How many people the requirement would assign now' })
  assignees!: number;

  @ApiProperty({ type: [PreviewPersonDto], description: 'A few of them, by name' })
  sample!: PreviewPersonDto[];

  static from(view: TargetPreviewView): RequirementPreviewDto {
    return { assignees: view.assignees, sample: view.sample };
  }
}

/** One version of a requirement's rules as written, with when and by whom. */
export class RequirementVersionDto extends RequirementDto {
  @ApiProperty({ description: 'The person who wrote this version' }) authorId!: string;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;

  static fromVersion(view: VersionView): RequirementVersionDto {
    return {
      ...RequirementDto.from(view),
      // A version's own time: when it was written, which is also when it last changed.
      createdAt: view.rules.createdAt.toISOString(),
      updatedAt: view.rules.createdAt.toISOString(),
      authorId: view.rules.createdBy,
      authorName: view.authorName,
    };
  }
}

export class RequirementVersionListDto {
  @ApiProperty({ type: [RequirementVersionDto] }) items!: RequirementVersionDto[];
}
