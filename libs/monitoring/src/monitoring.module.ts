import { AuditModule } from '@lifelong/audit';
import { DistanceLessonsModule } from '@lifelong/distance-lessons';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { FigureCells } from './figures/figure-cells.service';
import { FigureReads } from './figures/figure-reads.service';
import { FigureRefresh } from './figures/figure-refresh.service';
import { FigureSourcesRepository } from './figures/figure-sources.repository';
import { FiguresRepository } from './figures/figures.repository';
import { FacilityReportsRepository } from './reports/facility-reports.repository';
import { ActionReminders } from './inspections/action-reminders.service';
import { InspectionAccess } from './inspections/inspection-access.service';
import { InspectionActions } from './inspections/inspection-actions.service';
import { InspectionEvidence } from './inspections/inspection-evidence.service';
import { Inspections } from './inspections/inspections.service';
import { InspectionsRepository } from './inspections/inspections.repository';
import { FacilityReports } from './reports/facility-reports.service';
import { ReportAccess } from './reports/report-access.service';
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
  Inspections,
  InspectionActions,
  InspectionEvidence,
  ActionReminders,
];

/**
 * Computing and writing cells stays inside (the refresh, on events and nightly, drives it), and
 * the queries.
 */
const INTERNAL = [
  FigureCells,
  ReportAccess,
  InspectionAccess,
  FacilityReportsRepository,
  FigureSourcesRepository,
  FiguresRepository,
  InspectionsRepository,
  ReportFormsRepository,
  ReportRemindersRepository,
];

/**
 * Programme monitoring: the indicator catalogue, the stored figures and the yearly facility
 * reports, inspections. Reads other domains only through the views they publish and
 * organizations' read port (FacilityDirectory, from its global module), and checks scopes with
 * identity's AccessPolicy; keeps inspection evidence in distance-lessons' MediaStorage and audits
 * publishing and closing. Needs the Clock and the database.
 */
@Module({
  imports: [IdentityModule, AuditModule, DistanceLessonsModule],
  providers: [...SERVICES, ...INTERNAL],
  exports: SERVICES,
})
export class MonitoringModule {}
