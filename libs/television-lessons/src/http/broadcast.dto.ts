import { PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  BROADCAST_STATUSES,
  type Broadcast,
  type BroadcastStatus,
} from '../broadcasts/broadcast.entity';
import { IsOffsetTime } from './offset-time';

const TIME_EXAMPLE = '2026-12-07T19:00:00+07:00';

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

export class ReplayDto {
  @ApiProperty({ description: "A ready video uploaded to the broadcast's television lesson" })
  @IsUUID()
  videoId!: string;
}
