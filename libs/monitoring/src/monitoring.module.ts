import { Module } from '@nestjs/common';
import { FigureCells } from './figures/figure-cells.service';
import { FigureReads } from './figures/figure-reads.service';
import { FigureRefresh } from './figures/figure-refresh.service';

/** What the routes and the jobs use. */
const SERVICES = [FigureReads, FigureRefresh];

/** Computing and writing cells stays inside: the refresh (events, reconciliation) drives it. */
const INTERNAL = [FigureCells];

/**
 * Programme monitoring: the indicator catalogue and the stored figures. Reads other domains
 * only through the views they publish, so it imports none of their modules. Needs the Clock
 * and the database.
 */
@Module({
  providers: [...SERVICES, ...INTERNAL],
  exports: SERVICES,
})
export class MonitoringModule {}
