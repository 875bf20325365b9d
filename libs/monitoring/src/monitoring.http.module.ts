import { Module } from '@nestjs/common';
import { FacilityReportsController } from './http/facility-reports.controller';
import { InspectionActionsController } from './http/inspection-actions.controller';
import { InspectionsController } from './http/inspections.controller';
import { MonitoringController } from './http/monitoring.controller';
import { ReportFormsController } from './http/report-forms.controller';
import { MonitoringModule } from './monitoring.module';

/** The monitoring routes (api process only). */
@Module({
  imports: [MonitoringModule],
  controllers: [
    MonitoringController,
    ReportFormsController,
    FacilityReportsController,
    InspectionsController,
    InspectionActionsController,
  ],
})
export class MonitoringHttpModule {}
