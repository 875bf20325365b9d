import { ID_PATTERN } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Indicator } from '../indicators/indicator-catalogue';
import type { FigureNode, FigureTree } from '../figures/figure-reads.service';

export class FiguresQuery {
  @ApiProperty({ description: 'A year (2026) or a quarter (2026-Q3)', example: '2026' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({ description: 'The subtree; the whole country when absent' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'adminUnitId must be an id' })
  adminUnitId?: string;

  @ApiPropertyOptional({ description: 'One facility type; every type when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  facilityType?: string;
}

class IndicatorNameDto {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class IndicatorDto {
  @ApiProperty() code!: string;
  @ApiProperty({ type: IndicatorNameDto }) name!: IndicatorNameDto;
  @ApiProperty() unit!: string;
  @ApiProperty() definition!: string;
  @ApiProperty({ enum: ['computed', 'reported'] }) source!: 'computed' | 'reported';

  static from({ code, name, unit, definition, source }: Indicator): IndicatorDto {
    return { code, name: { ...name }, unit, definition, source };
  }
}

export class FigureNodeDto {
  @ApiProperty() period!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: the whole country' })
  adminUnitId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({
    description: 'By indicator code: a number, or "< 5" for a figure about fewer than 5 people',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string', enum: ['< 5'] }] },
  })
  figures!: Record<string, number | string>;

  static from({ period, adminUnitId, name, figures }: FigureNode): FigureNodeDto {
    return { period, adminUnitId, name, figures: { ...figures } };
  }
}

export class FigureTreeDto extends FigureNodeDto {
  @ApiProperty({ type: [FigureNodeDto], description: 'One level down' })
  children!: FigureNodeDto[];

  static fromTree(tree: FigureTree): FigureTreeDto {
    return {
      ...FigureNodeDto.from(tree),
      children: tree.children.map((c) => FigureNodeDto.from(c)),
    };
  }
}
