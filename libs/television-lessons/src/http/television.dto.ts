import { PageQuery } from '@lifelong/common';
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
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  type AttendanceRecord,
  GROUP_ATTENDANCE_MAX,
  type GroupOutcome,
  type SkipReason,
} from '../attendance/attendance.service';
import {
  BROADCAST_STATUSES,
  type Broadcast,
  type BroadcastStatus,
} from '../broadcasts/broadcast.entity';
import type { Channel } from '../channels/channel.entity';
import type { LineError } from '../schedule-import/schedule-csv';
import {
  SCHEDULE_IMPORT_STATUSES,
  type ScheduleImport,
  type ScheduleImportStatus,
} from '../schedule-import/schedule-import.entity';
import { IsOffsetTime } from './offset-time';

const TIME_EXAMPLE = '2026-12-07T19:00:00+07:00';

export class CreateChannelDto {
  @ApiProperty({ example: 'VTV7', description: 'Letters, digits, - and _' })
  @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'code must be 2–40 letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'VTV7 — Kênh Giáo dục Quốc gia' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({
    description:
      'The owning facility, whose staff schedule on the channel; absent for a national channel (platform admins only)',
  })
  @IsOptional()
  @IsUUID()
  facilityId?: string;
}

export class ChannelDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for a national channel' })
  facilityId!: string | null;

  static from(channel: Channel): ChannelDto {
    return Object.assign(new ChannelDto(), {
      id: channel.id,
      code: channel.code,
      name: channel.name,
      description: channel.description,
      facilityId: channel.facilityId,
    });
  }
}

export class ChannelListDto {
  @ApiProperty({ type: [ChannelDto] }) items!: ChannelDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CreateBroadcastDto {
  @ApiProperty() @IsUUID() channelId!: string;
  @ApiProperty({ description: 'A television lesson' }) @IsUUID() lessonId!: string;

  @ApiProperty({ example: TIME_EXAMPLE, description: 'With an offset (Z or +07:00)' })
  @IsOffsetTime()
  startsAt!: string;

  @ApiProperty({
    example: '2026-12-07T19:45:00+07:00',
    description: 'After startsAt; at most 12 h later',
  })
  @IsOffsetTime()
  endsAt!: string;

  @ApiPropertyOptional({
    example: 'FREQ=WEEKLY;COUNT=10',
    description:
      'RFC 5545 RRULE repeating the slot on the Asia/Ho_Chi_Minh wall clock; COUNT or UNTIL required, at most 200 slots within a year',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  recurrence?: string;
}

export class MoveBroadcastDto {
  @ApiPropertyOptional({ example: TIME_EXAMPLE }) @IsOptional() @IsOffsetTime() startsAt?: string;
  @ApiPropertyOptional({ example: '2026-12-07T19:45:00+07:00' })
  @IsOptional()
  @IsOffsetTime()
  endsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() channelId?: string;
}

export class ScheduleQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: '2026-12-07T00:00:00+07:00', description: 'Default: now' })
  @IsOptional()
  @IsOffsetTime()
  from?: string;
  @ApiPropertyOptional({
    example: '2026-12-14T00:00:00+07:00',
    description: 'At most 93 days after from; default: 7 days after from',
  })
  @IsOptional()
  @IsOffsetTime()
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() channelId?: string;
  @ApiPropertyOptional({ description: 'Only the airings of this television lesson' })
  @IsOptional()
  @IsUUID()
  lessonId?: string;
}

export class BroadcastDto {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() lessonId!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty({ example: '2026-12-07T12:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ example: '2026-12-07T12:45:00.000Z' }) endsAt!: string;
  @ApiProperty({ enum: BROADCAST_STATUSES }) status!: BroadcastStatus;
  @ApiProperty({ type: String, nullable: true }) replayVideoId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Slots made by one recurrence' })
  seriesId!: string | null;
  @ApiProperty({ description: 'Rises with every move or cancellation (the calendar SEQUENCE)' })
  revision!: number;
  @ApiPropertyOptional({ description: 'Course staff only: the code shown on screen' })
  attendanceCode?: string;

  static from(broadcast: Broadcast, showCode = false): BroadcastDto {
    return Object.assign(new BroadcastDto(), {
      id: broadcast.id,
      channelId: broadcast.channelId,
      lessonId: broadcast.lessonId,
      courseId: broadcast.courseId,
      startsAt: broadcast.startsAt.toISOString(),
      endsAt: broadcast.endsAt.toISOString(),
      status: broadcast.status,
      replayVideoId: broadcast.replayVideoId,
      seriesId: broadcast.seriesId,
      revision: broadcast.revision,
      ...(showCode ? { attendanceCode: broadcast.attendanceCode } : {}),
    });
  }
}

/** 201 to a new broadcast: the first slot, and every slot of a recurrence. */
export class CreatedBroadcastDto extends BroadcastDto {
  @ApiProperty({ type: [BroadcastDto], description: 'Every slot made (one without recurrence)' })
  series!: BroadcastDto[];

  static fromSeries(created: Broadcast[]): CreatedBroadcastDto {
    const slots = created.map((broadcast) => BroadcastDto.from(broadcast, true));
    return Object.assign(new CreatedBroadcastDto(), slots[0], { series: slots });
  }
}

export class BroadcastPageDto {
  @ApiProperty({ type: [BroadcastDto] }) items!: BroadcastDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AttendanceCodeDto {
  @ApiProperty({ example: 'ACK7X3', description: 'The code shown on screen' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  code!: string;
}

export class AttendanceDto {
  @ApiProperty() broadcastId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['code', 'group'] }) method!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() lessonCompleted!: boolean;
  @ApiProperty() courseCompleted!: boolean;
  @ApiProperty({ description: 'The lesson counts once its check quiz is passed' })
  awaitingCheckQuiz!: boolean;

  static from(record: AttendanceRecord): AttendanceDto {
    return Object.assign(new AttendanceDto(), {
      ...record,
      recordedAt: record.recordedAt.toISOString(),
    });
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

export class ReplayDto {
  @ApiProperty({ description: "A ready video uploaded to the broadcast's television lesson" })
  @IsUUID()
  videoId!: string;
}

export class CheckQuizDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A quiz lesson of the same course, or null',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  quizLessonId!: string | null;
}

export class CheckQuizResultDto {
  @ApiProperty() lessonId!: string;
  @ApiProperty({ type: String, nullable: true }) quizLessonId!: string | null;
}

export class FeedUrlDto {
  @ApiProperty({ example: 'http://localhost:3000/api/v1/me/schedule.ics?token=…' }) url!: string;
}

export class FeedQueryDto {
  @ApiProperty() @IsString() @MaxLength(100) token!: string;
}

export class ScheduleImportAcceptedDto {
  @ApiProperty() importId!: string;
}

export class ScheduleImportLineErrorDto {
  @ApiProperty({ description: 'The header is line 1' }) line!: number;
  @ApiProperty() message!: string;
}

export class ScheduleImportDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SCHEDULE_IMPORT_STATUSES }) status!: ScheduleImportStatus;
  @ApiProperty() total!: number;
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'Lines already on the schedule (a re-run)' }) unchanged!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: String, nullable: true }) failure!: string | null;
  @ApiProperty({ type: [ScheduleImportLineErrorDto] }) errors!: ScheduleImportLineErrorDto[];

  static from(report: { import: ScheduleImport; errors: LineError[] }): ScheduleImportDto {
    const { import: found, errors } = report;
    return Object.assign(new ScheduleImportDto(), {
      id: found.id,
      status: found.status,
      total: found.total,
      created: found.created,
      unchanged: found.unchanged,
      failed: found.failed,
      failure: found.failure,
      errors,
    });
  }
}
