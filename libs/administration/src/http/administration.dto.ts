import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, type AuditAction } from '@lifelong/audit';
import { ID_PATTERN, PageQuery } from '@lifelong/common';
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  ROLES,
  type Role,
  type RoleGrant,
  SCOPE_TYPES,
  type ScopeType,
} from '@lifelong/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { AuditLine } from '../audit/audit-browser.service';
import type { DirectoryEntry } from '../users/user-directory.service';
import type { UserPageView } from '../users/user-page.service';
import type { AssignmentLine, EnrollmentLine, MembershipLine } from '../users/user-page.repository';

export class UserSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Name, email or employee code; diacritics, case and đ/d do not matter ("nguyen van a" finds "Nguyễn Văn A")',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'People whose current unit is this one or inside it' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'People holding this role (in any scope)' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
}

export class UserRoleDto {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: SCOPE_TYPES, nullable: true, type: String }) scopeType!: ScopeType | null;
  @ApiProperty({ nullable: true, type: String }) scopeId!: string | null;

  static from(grant: RoleGrant): UserRoleDto {
    return { role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId };
  }
}

export class AdminUserDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty({ nullable: true, type: String }) employeeCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The current org unit' })
  orgUnitId!: string | null;
  @ApiProperty({ type: [UserRoleDto] }) roles!: UserRoleDto[];

  static from(entry: DirectoryEntry): AdminUserDto {
    return {
      id: entry.id,
      email: entry.email,
      fullName: entry.fullName,
      status: entry.status,
      employeeCode: entry.employeeCode,
      orgUnitId: entry.orgUnitId,
      roles: entry.roles.map((grant) => UserRoleDto.from(grant)),
    };
  }
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UserMembershipDto {
  @ApiProperty() id!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() orgUnitName!: string;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: String }) jobGrade!: string | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;

  static from(line: MembershipLine): UserMembershipDto {
    return {
      ...line,
      startedAt: new Date(line.startedAt).toISOString(),
      endedAt: line.endedAt ? new Date(line.endedAt).toISOString() : null,
    };
  }
}

export class UserEnrollmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ enum: ['active', 'waitlisted', 'completed', 'withdrawn'] }) status!: string;
  @ApiProperty() progressPercent!: number;
  @ApiProperty() enrolledAt!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;

  static from(line: EnrollmentLine): UserEnrollmentDto {
    return {
      ...line,
      enrolledAt: new Date(line.enrolledAt).toISOString(),
      completedAt: line.completedAt ? new Date(line.completedAt).toISOString() : null,
    };
  }
}

export class UserAssignmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() requirementId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['assigned', 'in_progress', 'completed', 'overdue', 'expired'] })
  status!: string;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;

  static from(line: AssignmentLine): UserAssignmentDto {
    return {
      ...line,
      assignedAt: new Date(line.assignedAt).toISOString(),
      dueAt: line.dueAt ? new Date(line.dueAt).toISOString() : null,
      completedAt: line.completedAt ? new Date(line.completedAt).toISOString() : null,
    };
  }
}

export class AdminUserDetailDto extends AdminUserDto {
  @ApiProperty({
    type: [UserMembershipDto],
    nullable: true,
    description: 'Newest first; null when the caller does not cover the person’s org unit',
  })
  memberships!: UserMembershipDto[] | null;

  @ApiProperty({
    type: [UserEnrollmentDto],
    nullable: true,
    description:
      'Newest first, only courses the caller may see (all for an admin); null when none may be shown',
  })
  enrollments!: UserEnrollmentDto[] | null;

  @ApiProperty({
    type: [UserAssignmentDto],
    nullable: true,
    description: 'Newest first; null when the caller does not cover the person’s org unit',
  })
  assignments!: UserAssignmentDto[] | null;

  static fromView(view: UserPageView): AdminUserDetailDto {
    return {
      ...AdminUserDto.from(view),
      memberships: view.memberships?.map((line) => UserMembershipDto.from(line)) ?? null,
      enrollments: view.enrollments?.map((line) => UserEnrollmentDto.from(line)) ?? null,
      assignments: view.assignments?.map((line) => UserAssignmentDto.from(line)) ?? null,
    };
  }
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Who acted' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'actorId must be an id' })
  actorId?: string;

  @ApiPropertyOptional({
    description: 'On whom or what (a user, certificate, requirement, import)',
  })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'subjectId must be an id' })
  subjectId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'From this time (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Before this time (exclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: the platform itself' })
  actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiProperty({ enum: AUDIT_SUBJECT_TYPES })
  subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The person’s name when the subject is a user',
  })
  subjectName!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;

  static from(line: AuditLine): AuditEntryDto {
    return {
      id: line.id,
      at: line.at.toISOString(),
      actorId: line.actorId,
      actorName: line.actorName,
      action: line.action,
      subjectType: line.subjectType,
      subjectId: line.subjectId,
      subjectName: line.subjectName,
      ip: line.ip,
      requestId: line.requestId,
      details: line.details,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
