import { PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { REPORTED_INDICATOR_CODES } from '../indicators/indicator-catalogue';
import {
  COMMENT_MAX,
  type FacilityReport,
  REPORT_STATUSES,
  type ReportListItem,
  type ReportStatus,
} from '../reports/facility-reports.service';
import { FIELD_KEY, FIELD_TYPES, type FieldType, type ReportField } from '../reports/report-fields';
import type { FormField, ReportForm } from '../reports/report-forms.service';
import type { ImportOutcome } from '../reports/report-import.service';

const MAX_FIELDS = 200;
const MAX_CHOICES = 50;

class FieldLabelDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  vi!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  en!: string;
}

/** One field as an administrator defines it. */
export class ReportFieldInputDto {
  @ApiProperty({
    description: 'snake_case, unique in the form; the CSV column',
    example: 'offline_classes',
  })
  @IsString()
  @Matches(FIELD_KEY, { message: 'key must be snake_case (a-z, 0-9, _), at most 60 characters' })
  key!: string;

  @ApiProperty({ type: FieldLabelDto })
  @ValidateNested()
  @Type(() => FieldLabelDto)
  label!: FieldLabelDto;

  @ApiProperty({ enum: FIELD_TYPES })
  @IsIn(FIELD_TYPES)
  type!: FieldType;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  help?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ description: 'number and integer fields' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  min?: number;

  @ApiPropertyOptional({ description: 'number and integer fields' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  max?: number;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_CHOICES, description: 'choice fields' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHOICES)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  choices?: string[];

  @ApiPropertyOptional({
    enum: REPORTED_INDICATOR_CODES,
    description: 'The reported indicator an integer field feeds once a report is accepted',
  })
  @IsOptional()
  @IsIn(REPORTED_INDICATOR_CODES)
  indicator?: string;

  toField(): ReportField {
    return {
      key: this.key,
      label: { vi: this.label.vi, en: this.label.en },
      type: this.type,
      help: this.help ?? null,
      required: this.required ?? false,
      min: this.min ?? null,
      max: this.max ?? null,
      choices: this.choices ?? null,
      indicator: (this.indicator as ReportField['indicator']) ?? null,
    };
  }
}

/** `PUT /monitoring/report-forms/{year}`: the deadline and the current fields, in order. */
export class ReportFormBody {
  @ApiProperty({ description: 'ISO 8601: submissions are refused from this instant on' })
  @IsISO8601({ strict: true })
  deadline!: string;

  @ApiProperty({
    type: [ReportFieldInputDto],
    maxItems: MAX_FIELDS,
    description: 'Fields left out are retired, never deleted',
  })
  @IsArray()
  @ArrayMaxSize(MAX_FIELDS)
  @ValidateNested({ each: true })
  @Type(() => ReportFieldInputDto)
  fields!: ReportFieldInputDto[];
}

export class ReportFieldDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: FieldLabelDto }) label!: FieldLabelDto;
  @ApiProperty({ enum: FIELD_TYPES }) type!: FieldType;
  @ApiProperty({ type: String, nullable: true }) help!: string | null;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: Number, nullable: true }) min!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max!: number | null;
  @ApiProperty({ type: [String], nullable: true }) choices!: string[] | null;
  @ApiProperty({ type: String, nullable: true, enum: REPORTED_INDICATOR_CODES })
  indicator!: string | null;

  static from(field: ReportField): ReportFieldDto {
    return {
      key: field.key,
      label: { ...field.label },
      type: field.type,
      help: field.help,
      required: field.required,
      min: field.min,
      max: field.max,
      choices: field.choices,
      indicator: field.indicator,
    };
  }
}

export class FormFieldDto extends ReportFieldDto {
  @ApiProperty({
    description: 'Retired fields are no longer asked; old reports keep their answers',
  })
  retired!: boolean;

  static fromForm(field: FormField): FormFieldDto {
    return { ...ReportFieldDto.from(field), retired: field.retired };
  }
}

export class ReportFormDto {
  @ApiProperty() year!: number;
  @ApiProperty() deadline!: string;
  @ApiProperty({ type: [FormFieldDto], description: 'Current fields in order, then retired ones' })
  fields!: FormFieldDto[];

  static from(form: ReportForm): ReportFormDto {
    return {
      year: form.year,
      deadline: form.deadline.toISOString(),
      fields: form.fields.map((field) => FormFieldDto.fromForm(field)),
    };
  }
}

/** `PUT /facilities/{id}/reports/{year}`: the answers by field key (replacing earlier ones). */
export class ReportDraftBody {
  @ApiProperty({
    description:
      'Answers by field key: numbers, text, true/false or one of the choices; null clears',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] },
  })
  @IsObject()
  values!: Record<string, unknown>;
}

export class AcceptReportBody {
  @ApiPropertyOptional({ maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}

export class ReturnReportBody {
  @ApiProperty({ maxLength: COMMENT_MAX, description: 'What the facility should fix' })
  @IsString()
  @Matches(/\S/, { message: 'comment must not be blank' })
  @MaxLength(COMMENT_MAX)
  comment!: string;
}

export class FacilityReportDto {
  @ApiProperty() id!: string;
  @ApiProperty() facilityId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] },
  })
  values!: Record<string, number | string | boolean>;
  @ApiProperty({ type: [ReportFieldDto], description: 'The fields as they were when last saved' })
  fields!: ReportFieldDto[];
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() updatedAt!: string;

  static from(report: FacilityReport): FacilityReportDto {
    const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());
    return {
      id: report.id,
      facilityId: report.facilityId,
      year: report.year,
      status: report.status,
      values: { ...report.values },
      fields: report.fields.map((field) => ReportFieldDto.from(field)),
      submittedAt: iso(report.submittedAt),
      submittedBy: report.submittedBy,
      decidedAt: iso(report.decidedAt),
      decidedBy: report.decidedBy,
      comment: report.comment,
      updatedAt: new Date(report.updatedAt).toISOString(),
    };
  }
}

export class ReportsQuery extends PageQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  @ApiPropertyOptional({ enum: REPORT_STATUSES, default: 'submitted' })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class ReportListItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() facilityId!: string;
  @ApiProperty() facilityName!: string;
  @ApiProperty({ description: 'Its administrative units, nearest first' }) place!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;

  static from(item: ReportListItem): ReportListItemDto {
    const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());
    return { ...item, submittedAt: iso(item.submittedAt), decidedAt: iso(item.decidedAt) };
  }
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportListItemDto] }) items!: ReportListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class ImportLineErrorDto {
  @ApiProperty({ description: 'The header is line 1' }) line!: number;
  @ApiProperty() message!: string;
}

export class ReportImportDto {
  @ApiProperty({ description: 'Reports created as accepted' }) imported!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [ImportLineErrorDto] }) errors!: ImportLineErrorDto[];

  static from(outcome: ImportOutcome): ReportImportDto {
    return { ...outcome, errors: outcome.errors.map((error) => ({ ...error })) };
  }
}
