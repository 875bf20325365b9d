import { ID_PATTERN, PageQuery } from '@lifelong/common';
import { ACCOUNT_STATUSES, type AccountStatus } from '@lifelong/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
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
import {
  type AssignmentView,
  MY_ASSIGNMENTS_SORTS,
  type MyAssignmentsSort,
  type StaffMemberView,
} from '../assignments/assignment-reads.service';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../assignments/assignment-status';
import type { ComplianceRow } from '../reports/compliance-row';
import type { ComplianceTree } from '../reports/compliance-report.service';
import type { ComplianceSnapshot } from '../reports/compliance-snapshot.entity';
import type { RequirementView } from '../requirements/requirements.service';

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

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

export class AssignmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() requirementId!: string;
  @ApiProperty() requirementVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty({ type: String, nullable: true }) enrollmentId!: string | null;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty({ type: String, nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Set once it is history' })
  closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) certificateSerial!: string | null;

  static from(view: AssignmentView): AssignmentDto {
    return {
      ...view,
      assignedAt: new Date(view.assignedAt).toISOString(),
      dueAt: iso(view.dueAt),
      completedAt: iso(view.completedAt),
      expiresAt: iso(view.expiresAt),
      closedAt: iso(view.closedAt),
    };
  }
}

export class MyAssignmentsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: MY_ASSIGNMENTS_SORTS,
    default: 'recent',
    description: 'recent: newest first; due: overdue first, then by due date, history last',
  })
  @IsOptional()
  @IsIn(MY_ASSIGNMENTS_SORTS)
  sort?: MyAssignmentsSort;
}

export class StaffQuery extends PageQuery {
  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;
}

export class StaffMemberDto {
  @ApiProperty() userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ type: String, nullable: true }) jobGrade!: string | null;
  @ApiProperty({
    enum: ACCOUNT_STATUSES,
    description:
      'uninvited (no way to sign in yet), invited (an invitation is out), active (can sign in), deactivated',
  })
  accountStatus!: AccountStatus;
  @ApiProperty({ type: [AssignmentDto] }) assignments!: AssignmentDto[];

  static from(member: StaffMemberView): StaffMemberDto {
    return { ...member, assignments: member.assignments.map((a) => AssignmentDto.from(a)) };
  }
}

export class AssignmentPageDto {
  @ApiProperty({ type: [AssignmentDto] }) items!: AssignmentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RequirementPageDto {
  @ApiProperty({ type: [RequirementDto] }) items!: RequirementDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class StaffPageDto {
  @ApiProperty({ type: [StaffMemberDto] }) items!: StaffMemberDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UnitQuery {
  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;
}

export class ComplianceRowDto {
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() assigned!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ description: 'Completions whose validity ran out with no renewal' })
  expired!: number;
  @ApiProperty({ description: 'completed / assigned × 100, rounded; 0 when none' })
  compliantPercent!: number;

  static from(row: ComplianceRow): ComplianceRowDto {
    const { orgUnitId, name, assigned, completed, inProgress, overdue, expired } = row;
    return {
      orgUnitId,
      name,
      assigned,
      completed,
      inProgress,
      overdue,
      expired,
      compliantPercent: row.compliantPercent,
    };
  }
}

export class ComplianceDto extends ComplianceRowDto {
  @ApiProperty({ type: [ComplianceRowDto], description: 'One level down' })
  children!: ComplianceRowDto[];

  static fromTree(tree: ComplianceTree): ComplianceDto {
    return {
      ...ComplianceRowDto.from(tree),
      children: tree.children.map((child) => ComplianceRowDto.from(child)),
    };
  }
}

export class SnapshotBodyDto {
  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;

  @ApiProperty({ example: '2026-Q4', description: 'YYYY, YYYY-Qn or YYYY-MM' })
  @IsString()
  @Matches(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, {
    message: 'period must be YYYY, YYYY-Qn or YYYY-MM',
  })
  period!: string;
}

export class SnapshotDto {
  @ApiProperty() id!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() period!: string;
  @ApiProperty() takenAt!: string;
  @ApiProperty({ type: [ComplianceRowDto], description: 'Every unit of the subtree, frozen' })
  rows!: ComplianceRowDto[];

  static from(snapshot: ComplianceSnapshot): SnapshotDto {
    return {
      id: snapshot.id,
      orgUnitId: snapshot.orgUnitId,
      period: snapshot.period,
      takenAt: new Date(snapshot.takenAt).toISOString(),
      rows: snapshot.rows.map((row) => ComplianceRowDto.from(row)),
    };
  }
}
