import { ID_PATTERN, PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { AdminUnit } from '../admin-units/admin-unit.entity';
import { CODE_MESSAGE, CODE_PATTERN, NAME_PATTERN, Trim } from './field.rules';

export class CreateAdminUnitDto {
  @ApiProperty({ example: '01', maxLength: 50 })
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Thành phố Hà Nội', maxLength: 200 })
  @Trim()
  @IsString()
  @MaxLength(200)
  @Matches(NAME_PATTERN, { message: 'name must be text without line breaks' })
  name!: string;

  @ApiProperty({ example: 'province', description: 'A level name (data, not a fixed list)' })
  @Trim()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,29}$/, {
    message:
      'level must be 1–30 lower-case letters, digits or _ (e.g. province, district, commune)',
  })
  level!: string;

  @ApiPropertyOptional({ description: 'The unit above; omit for a province' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'parentId must be an id' })
  parentId?: string;
}

export class ListAdminUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'List the children of this unit; omit for the provinces' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'parentId must be an id' })
  parentId?: string;
}

export class AdminUnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;

  static from(unit: AdminUnit): AdminUnitDto {
    const { id, code, name, level, parentId } = unit;
    return { id, code, name, level, parentId };
  }
}

export class AdminUnitPageDto {
  @ApiProperty({ type: [AdminUnitDto] }) items!: AdminUnitDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
