import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { type AttendanceRecord } from '../attendance/attendance.service';

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
