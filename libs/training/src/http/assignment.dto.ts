import { PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  type AssignmentView,
  MY_ASSIGNMENTS_SORTS,
  type MyAssignmentsSort,
} from '../assignments/assignment-reads.service';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../assignments/assignment-status';
import { iso } from './iso-date';

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

export class AssignmentPageDto {
  @ApiProperty({ type: [AssignmentDto] }) items!: AssignmentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
