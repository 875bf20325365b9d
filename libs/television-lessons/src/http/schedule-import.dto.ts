import { ApiProperty } from '@nestjs/swagger';
import type { LineError } from '../schedule-import/schedule-csv';
import {
  SCHEDULE_IMPORT_STATUSES,
  type ScheduleImport,
  type ScheduleImportStatus,
} from '../schedule-import/schedule-import.entity';

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
