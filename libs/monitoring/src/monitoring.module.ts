import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { FigureCells } from './figures/figure-cells.service';
import { FigureReads } from './figures/figure-reads.service';
import { FigureRefresh } from './figures/figure-refresh.service';
import { FigureSourcesRepository } from './figures/figure-sources.repository';
import { FiguresRepository } from './figures/figures.repository';
import { FacilityReportsRepository } from './reports/facility-reports.repository';
import { FacilityReports } from './reports/facility-reports.service';
import { ReportAccess } from './reports/report-access';
import { ReportFormsRepository } from './reports/report-forms.repository';
import { ReportForms } from './reports/report-forms.service';
import { ReportImport } from './reports/report-import.service';
import { ReportRemindersRepository } from './reports/report-reminders.repository';
import { ReportReminders } from './reports/report-reminders.service';

/** What the routes and the jobs use. */
const SERVICES = [
  FigureReads,
  FigureRefresh,
  ReportForms,
  FacilityReports,
  ReportImport,
  ReportReminders,
];

/**
 * Computing and writing cells stays inside (the refresh, on events and nightly, drives it), and
 * the queries.
 */
const INTERNAL = [
  FigureCells,
  ReportAccess,
  FacilityReportsRepository,
  FigureSourcesRepository,
  FiguresRepository,
  ReportFormsRepository,
  ReportRemindersRepository,
];

/**
 * Programme monitoring: the indicator catalogue, the stored figures and the yearly facility
 * reports. Reads other domains only through the views they publish and organizations' read
 * port (FacilityDirectory, from its global module), and checks scopes with identity's
 * AccessPolicy. Needs the Clock and the database.
 */
@Module({
  imports: [IdentityModule],
  providers: [...SERVICES, ...INTERNAL],
  exports: SERVICES,
})
export class MonitoringModule {}
