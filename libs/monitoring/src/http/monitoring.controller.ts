import { Public } from '@lifelong/identity';
import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FigureReads } from '../figures/figure-reads.service';
import { INDICATORS } from '../indicators/indicator-catalogue';
import { FigureTreeDto, FiguresQuery, IndicatorDto } from './figures.dto';

/** Public programme figures: no personal data, figures about fewer than 5 people as "< 5". */
@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class MonitoringController {
  constructor(private readonly figures: FigureReads) {}

  /** The indicator catalogue. */
  @Get('indicators')
  @Public()
  @ApiOkResponse({ type: [IndicatorDto] })
  indicators(): IndicatorDto[] {
    return INDICATORS.map((indicator) => IndicatorDto.from(indicator));
  }

  /** A unit's figures (the country when no unit is named) with its children's. */
  @Get('figures')
  @Public()
  @ApiOkResponse({ type: FigureTreeDto })
  async tree(@Query() query: FiguresQuery): Promise<FigureTreeDto> {
    return FigureTreeDto.fromTree(await this.figures.tree(query));
  }

  /** The same, one CSV row per unit. */
  @Get('figures.csv')
  @Public()
  @Header('cache-control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv, one row per unit: the unit, then its children' })
  async csv(@Query() query: FiguresQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.figures.csv(query), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="figures.csv"',
    });
  }
}
