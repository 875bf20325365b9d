import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { STAFF_IMPORT_STATUSES, type StaffImportStatus } from '../staff-import/staff-import.entity';
import type { StaffImportReport } from '../staff-import/staff-import-report.service';

export class StaffImportAcceptedDto {
  @ApiProperty() importId!: string;
}

export class StaffImportLineErrorDto {
  @ApiProperty({ description: 'The line in the file; the header is line 1' }) line!: number;
  @ApiProperty() message!: string;
}

export class StaffImportDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: STAFF_IMPORT_STATUSES }) status!: StaffImportStatus;
  @ApiProperty({ description: 'Data rows in the file, once the worker has read it' })
  total!: number;
  @ApiProperty() processed!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({
    type: [StaffImportLineErrorDto],
    description: 'The first 1,000 line errors by line',
  })
  errors!: StaffImportLineErrorDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the whole import failed (encoding, header), when it did',
  })
  failure!: string | null;

  static from({ import: found, errors }: StaffImportReport): StaffImportDto {
    const { id, status, total, processed, created, updated, failed, failure } = found;
    return { id, status, total, processed, created, updated, failed, errors, failure };
  }
}

export class StaffImportOptionsQuery {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'Email an invitation (a one-time link valid 7 days to set a password) to every person the import creates',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'invite must be true or false' })
  invite?: boolean;
}
