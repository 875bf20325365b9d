import { ID_PATTERN, PageQuery } from '@lifelong/common';
import { ACCOUNT_STATUSES, type AccountStatus } from '@lifelong/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { type StaffMemberView } from '../assignments/assignment-reads.service';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../assignments/assignment-status';
import { AssignmentDto } from './assignment.dto';

export class StaffQuery extends PageQuery {
  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;

  @ApiPropertyOptional({
    description: 'Words of the name or email; diacritics, case and đ/d do not matter',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'Only members holding exactly this position',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  position?: string;
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

export class StaffPageDto {
  @ApiProperty({ type: [StaffMemberDto] }) items!: StaffMemberDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
