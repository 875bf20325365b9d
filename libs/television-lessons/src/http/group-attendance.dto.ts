import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  GROUP_ATTENDANCE_MAX,
  type GroupOutcome,
  type SkipReason,
} from '../attendance/attendance.service';
import type { GroupAttendanceRecord } from '../attendance/group-attendance-record.entity';
import type { VoidOutcome } from '../attendance/group-attendance-records.service';

export class VoidGroupAttendanceDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Học viên không có mặt buổi xem' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'reason must not contain control characters' })
  reason?: string;
}

/** One group attendance as audited: who recorded whom, where and when, and any void. */
export class GroupAttendanceRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty() broadcastId!: string;
  @ApiProperty() lessonId!: string;
  @ApiProperty({ description: 'The learner recorded as present' }) learnerId!: string;
  @ApiProperty({ description: 'The facility where the group watched' }) facilityId!: string;
  @ApiProperty({ description: 'The staff member who recorded it' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) voidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) voidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) voidReason!: string | null;

  static from(record: GroupAttendanceRecord): GroupAttendanceRecordDto {
    return {
      id: record.id,
      broadcastId: record.broadcastId,
      lessonId: record.lessonId,
      learnerId: record.learnerId,
      facilityId: record.facilityId,
      recordedBy: record.recordedBy,
      recordedAt: record.recordedAt.toISOString(),
      voidedAt: record.voidedAt?.toISOString() ?? null,
      voidedBy: record.voidedBy,
      voidReason: record.voidReason,
    };
  }
}

export class GroupAttendancePageDto {
  @ApiProperty({ type: [GroupAttendanceRecordDto] }) items!: GroupAttendanceRecordDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class VoidedGroupAttendanceDto extends GroupAttendanceRecordDto {
  @ApiProperty({
    description: 'Still complete through other evidence (another attendance, the replay)',
  })
  lessonCompleted!: boolean;
  @ApiProperty() courseCompleted!: boolean;
  @ApiProperty({
    description:
      'The course was completed and reopened by this void; a certificate already issued stays valid until a facility admin revokes it',
  })
  courseReopened!: boolean;

  static fromOutcome(outcome: VoidOutcome): VoidedGroupAttendanceDto {
    return {
      ...GroupAttendanceRecordDto.from(outcome.record),
      lessonCompleted: outcome.lessonCompleted,
      courseCompleted: outcome.courseCompleted,
      courseReopened: outcome.courseReopened,
    };
  }
}

export class GroupAttendanceDto {
  @ApiProperty({
    description:
      'The facility where the group watched: a community learning centre or a continuing-education centre',
  })
  @IsUUID()
  facilityId!: string;

  @ApiProperty({ type: [String], maxItems: GROUP_ATTENDANCE_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GROUP_ATTENDANCE_MAX)
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class SkippedLearnerDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['unknown_user', 'not_enrolled', 'already_recorded', 'other_facility'] })
  reason!: SkipReason;
}

export class GroupAttendanceResultDto {
  @ApiProperty({ type: [String] }) recorded!: string[];
  @ApiProperty({ type: [SkippedLearnerDto] }) skipped!: SkippedLearnerDto[];

  static from(outcome: GroupOutcome): GroupAttendanceResultDto {
    return Object.assign(new GroupAttendanceResultDto(), outcome);
  }
}
