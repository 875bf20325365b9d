import { ID_PATTERN, PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Facility } from '../facilities/facility.entity';
import { FACILITY_TYPES, type FacilityType } from '../facilities/facility-type';
import { CODE_MESSAGE, CODE_PATTERN, NAME_PATTERN, Trim } from './field.rules';

export class CreateFacilityDto {
  @ApiProperty({ example: 'TTGDTX-HN-01', maxLength: 50 })
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Trung tâm GDNN-GDTX quận Ba Đình', maxLength: 200 })
  @Trim()
  @IsString()
  @MaxLength(200)
  @Matches(NAME_PATTERN, { message: 'name must be text without line breaks' })
  name!: string;

  @ApiProperty({ enum: FACILITY_TYPES })
  @IsIn(FACILITY_TYPES)
  type!: FacilityType;

  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'adminUnitId must be an id' })
  adminUnitId!: string;
}

export class ListFacilitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FACILITY_TYPES })
  @IsOptional()
  @IsIn(FACILITY_TYPES)
  type?: FacilityType;

  @ApiPropertyOptional({ description: 'Facilities anywhere in this administrative unit' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'adminUnitId must be an id' })
  adminUnitId?: string;
}

export class FacilityDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) type!: FacilityType;
  @ApiProperty() adminUnitId!: string;

  static from(facility: Facility): FacilityDto {
    const { id, code, name, type, adminUnitId } = facility;
    return { id, code, name, type, adminUnitId };
  }
}

export class FacilityPageDto {
  @ApiProperty({ type: [FacilityDto] }) items!: FacilityDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
