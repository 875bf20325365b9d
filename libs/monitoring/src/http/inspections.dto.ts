import { PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { EvidenceFile } from '../inspections/inspection-evidence.service';
import type { OverdueAction } from '../inspections/inspection-actions.service';
import {
  ACTION_STATUSES,
  type ActionStatus,
  CRITERIA_MAX,
  INSPECTION_STATUSES,
  INSPECTION_TARGETS,
  type InspectionStatus,
  type InspectionTarget,
  NOTE_MAX,
  SCORE_MAX,
  SUMMARY_MAX,
  TEAM_MAX,
  WEIGHT_MAX,
} from '../inspections/inspection-rules';
import type { InspectionRow } from '../inspections/inspections.repository';
import type { FollowUpAction, InspectionView } from '../inspections/inspections.service';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());

export class CriterionInputDto {
  @ApiProperty({ maxLength: 300, example: 'Tổ chức lớp học theo kế hoạch năm' })
  @IsString()
  @Matches(/\S/, { message: 'label must not be blank' })
  @MaxLength(300)
  label!: string;

  @ApiProperty({ minimum: 1, maximum: WEIGHT_MAX, description: 'Its share of the overall result' })
  @IsInt()
  @Min(1)
  @Max(WEIGHT_MAX)
  weight!: number;
}

/** `POST /monitoring/inspections`: what, when, who, and the checklist. */
export class PlanInspectionBody {
  @ApiProperty({ enum: INSPECTION_TARGETS })
  @IsIn(INSPECTION_TARGETS)
  targetType!: InspectionTarget;

  @ApiProperty({ description: 'The facility or org unit inspected' })
  @IsUUID()
  targetId!: string;

  @ApiProperty({ example: '2026-12-15', description: 'The day of the visit (YYYY-MM-DD)' })
  @Matches(DAY, { message: 'plannedOn must be a day such as 2026-12-15' })
  plannedOn!: string;

  @ApiProperty({ type: [String], maxItems: TEAM_MAX, description: 'The inspectors, by name' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TEAM_MAX)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'team members must not be blank' })
  @MaxLength(200, { each: true })
  team!: string[];

  @ApiProperty({ type: [CriterionInputDto], maxItems: CRITERIA_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CRITERIA_MAX)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria!: CriterionInputDto[];
}

export class CriterionScoreDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  position!: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: SCORE_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SCORE_MAX)
  score!: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

/** `PUT /monitoring/inspections/{id}/scores`: scores and notes of the criteria given. */
export class RecordScoresBody {
  @ApiProperty({ type: [CriterionScoreDto], maxItems: CRITERIA_MAX })
  @IsArray()
  @ArrayMaxSize(CRITERIA_MAX)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: SUMMARY_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summary?: string | null;
}

/** `POST /monitoring/inspections/{id}/actions`. */
export class AddActionBody {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(300)
  title!: string;

  @ApiProperty({ description: 'A facility admin (or org manager) of the inspected unit' })
  @IsUUID()
  ownerId!: string;

  @ApiProperty({ example: '2027-01-31', description: 'The due day in Vietnam (YYYY-MM-DD)' })
  @Matches(DAY, { message: 'dueOn must be a day such as 2027-01-31' })
  dueOn!: string;
}

export class CloseActionBody {
  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: 'What was done' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string;
}

export class InspectionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;
}

export class EvidenceFileDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: Number, nullable: true }) criterion!: number | null;
  @ApiProperty({ type: String, nullable: true }) actionId!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() uploadedAt!: string;
  @ApiProperty({ description: 'A signed link that opens the file until expiresAt' }) url!: string;
  @ApiProperty() expiresAt!: string;

  static from(file: EvidenceFile): EvidenceFileDto {
    return {
      ...file,
      uploadedAt: new Date(file.uploadedAt).toISOString(),
      expiresAt: file.expiresAt.toISOString(),
    };
  }
}

export class CriterionDto {
  @ApiProperty() position!: number;
  @ApiProperty() label!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [EvidenceFileDto] }) evidence!: EvidenceFileDto[];
}

export class FollowUpActionDto {
  @ApiProperty() id!: string;
  @ApiProperty() inspectionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status!: ActionStatus;
  @ApiProperty({ description: 'Open past its due day' }) overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) closingNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [EvidenceFileDto] }) evidence!: EvidenceFileDto[];

  static from(action: FollowUpAction): FollowUpActionDto {
    return {
      id: action.id,
      inspectionId: action.inspectionId,
      title: action.title,
      ownerId: action.ownerId,
      ownerName: action.ownerName,
      dueOn: action.dueOn,
      status: action.status,
      overdue: action.overdue,
      closingNote: action.closingNote,
      closedAt: iso(action.closedAt),
      evidence: action.evidence.map((file) => EvidenceFileDto.from(file)),
    };
  }
}

class UnitAdminDto {
  @ApiProperty() userId!: string;
  @ApiProperty() fullName!: string;
}

export class InspectionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: INSPECTION_TARGETS }) targetType!: InspectionTarget;
  @ApiProperty() targetId!: string;
  @ApiProperty() targetName!: string;
  @ApiProperty() plannedOn!: string;
  @ApiProperty({ type: [String] }) team!: string[];
  @ApiProperty({ enum: INSPECTION_STATUSES }) status!: InspectionStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Weighted result, 0–100' })
  total!: number | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;

  static from(row: InspectionRow & { total: number | null }): InspectionSummaryDto {
    return {
      id: row.id,
      targetType: row.targetType,
      targetId: row.targetId,
      targetName: row.targetName,
      plannedOn: row.plannedOn,
      team: [...row.team],
      status: row.status,
      total: row.total,
      publishedAt: iso(row.publishedAt),
    };
  }
}

export class InspectionDto extends InspectionSummaryDto {
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty({ type: [FollowUpActionDto] }) actions!: FollowUpActionDto[];
  @ApiProperty({
    type: [UnitAdminDto],
    description: 'Whom actions may be given to (inspectors only; empty for the inspected unit)',
  })
  unitAdmins!: UnitAdminDto[];

  static fromView(view: InspectionView): InspectionDto {
    return {
      ...InspectionSummaryDto.from(view),
      summary: view.summary,
      criteria: view.criteria.map((criterion) => ({
        position: criterion.position,
        label: criterion.label,
        weight: criterion.weight,
        score: criterion.score,
        note: criterion.note,
        evidence: criterion.evidence.map((file) => EvidenceFileDto.from(file)),
      })),
      actions: view.actions.map((action) => FollowUpActionDto.from(action)),
      unitAdmins: view.unitAdmins.map((admin) => ({ ...admin })),
    };
  }
}

export class InspectionPageDto {
  @ApiProperty({ type: [InspectionSummaryDto] }) items!: InspectionSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class OverdueActionDto {
  @ApiProperty() id!: string;
  @ApiProperty() inspectionId!: string;
  @ApiProperty({ enum: INSPECTION_TARGETS }) targetType!: InspectionTarget;
  @ApiProperty() targetId!: string;
  @ApiProperty() targetName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() dueOn!: string;

  static from(action: OverdueAction): OverdueActionDto {
    return {
      id: action.id,
      inspectionId: action.inspectionId,
      targetType: action.targetType,
      targetId: action.targetId,
      targetName: action.targetName,
      title: action.title,
      ownerId: action.ownerId,
      ownerName: action.ownerName,
      dueOn: action.dueOn,
    };
  }
}

export class OverdueActionPageDto {
  @ApiProperty({ type: [OverdueActionDto] }) items!: OverdueActionDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
