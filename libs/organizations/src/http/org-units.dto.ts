import { ID_PATTERN } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCOPE_TYPES, type ScopeType } from '@lifelong/identity';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Membership } from '../memberships/membership.entity';
import type { OrgUnit } from '../org-units/org-unit.entity';
import { ORG_UNIT_LEVELS, type OrgUnitLevel } from '../org-units/org-unit-level';
import { CODE_MESSAGE, CODE_PATTERN, NAME_PATTERN, Trim } from './field.rules';

export class CreateOrgUnitDto {
  @ApiProperty({ example: 'BNV-VP', maxLength: 50 })
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Văn phòng Bộ', maxLength: 200 })
  @Trim()
  @IsString()
  @MaxLength(200)
  @Matches(NAME_PATTERN, { message: 'name must be text without line breaks' })
  name!: string;

  @ApiPropertyOptional({ description: 'The unit above; omit for an agency at the root' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'parentId must be an id' })
  parentId?: string;

  @ApiPropertyOptional({
    enum: ORG_UNIT_LEVELS,
    description: "The agency's level, which programme monitoring counts trained staff by",
  })
  @IsOptional()
  @IsIn(ORG_UNIT_LEVELS)
  level?: OrgUnitLevel;
}

export class UpdateOrgUnitDto {
  @ApiPropertyOptional({ example: 'Văn phòng Bộ', maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @Matches(NAME_PATTERN, { message: 'name must be text without line breaks' })
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Move the unit (and its subtree) under this unit; null makes it a root',
  })
  // Absent: no move; null (which IsOptional lets through): to the root, a platform admin only.
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'parentId must be an id' })
  parentId?: string | null;

  @ApiPropertyOptional({
    enum: ORG_UNIT_LEVELS,
    nullable: true,
    description: "The agency's level; null clears it",
  })
  // Absent: unchanged; null (which IsOptional lets through): not set.
  @IsOptional()
  @IsIn(ORG_UNIT_LEVELS)
  level?: OrgUnitLevel | null;
}

export class ListOrgUnitsQuery {
  @ApiPropertyOptional({ description: "The unit's children; omit for the tops of your reach" })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'parentId must be an id' })
  parentId?: string;
}

export class ScopeSearchQuery {
  @ApiProperty({ enum: SCOPE_TYPES })
  @IsIn(SCOPE_TYPES)
  scopeType!: ScopeType;

  @ApiPropertyOptional({ description: 'Part of the name or code', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ScopeMatchDto {
  @ApiProperty({ enum: SCOPE_TYPES }) scopeType!: ScopeType;
  @ApiProperty() scopeId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class OrgUnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ enum: ORG_UNIT_LEVELS, nullable: true }) level!: OrgUnitLevel | null;

  static from(unit: OrgUnit): OrgUnitDto {
    const { id, code, name, parentId, level } = unit;
    return { id, code, name, parentId, level };
  }
}

export class OrgUnitTreeQuery {
  @ApiPropertyOptional({
    description: 'The unit whose subtree to list; omit for every unit the caller manages',
  })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'rootId must be an id' })
  rootId?: string;
}

export class OrgUnitNodeDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ description: 'Current members of this unit itself, not of the units below it' })
  staffCount!: number;
}

export class AddMemberDto {
  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'userId must be an id' })
  userId!: string;

  @ApiPropertyOptional({ example: 'Chuyên viên', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: 'position must be text without line breaks' })
  position?: string;

  @ApiPropertyOptional({ example: 'A1', maxLength: 50 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: 'jobGrade must be text without line breaks' })
  jobGrade?: string;
}

export class MembershipDto {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ type: String, nullable: true }) jobGrade!: string | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) endedAt!: string | null;

  static from(membership: Membership): MembershipDto {
    const { id, userId, orgUnitId, position, jobGrade, startedAt, endedAt } = membership;
    return {
      id,
      userId,
      orgUnitId,
      position,
      jobGrade,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt?.toISOString() ?? null,
    };
  }
}
