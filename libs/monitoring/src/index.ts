/**
 * Programme monitoring: the indicator catalogue and the figures per administrative-unit
 * subtree, facility type and period, stored as aggregates kept in step by outbox events and a
 * nightly reconciliation, and published without sign-in under the "< 5" rule.
 *
 * Import {@link MonitoringModule} for the services below; the api adds
 * {@link MonitoringHttpModule}, the worker {@link MonitoringWorkerModule}.
 */

/** Services for other processes (the demo seeder, the benchmark). */
export { MonitoringModule } from './monitoring.module';
/** The monitoring routes (api only). */
export { MonitoringHttpModule } from './monitoring.http.module';
/** The monitoring job handlers (worker only). */
export { MonitoringWorkerModule } from './monitoring.worker.module';
/** The job handlers themselves (tests, the benchmark and the demo run them in-process). */
export { MonitoringJobs } from './monitoring-jobs';

/** The indicators, listed once. */
export {
  completionRate,
  type Figures,
  INDICATOR_CODES,
  INDICATORS,
  type Indicator,
  type IndicatorCode,
  REPORTED_INDICATOR_CODES,
} from './indicators/indicator-catalogue';
/** Reporting periods (`YYYY`, `YYYY-Qn`). */
export { parsePeriod, type Period, periodsOf } from './indicators/period';
/** The "< 5" rule. */
export { FEW, hiddenInGroup, publicFigures, type PublicFigures } from './figures/figure-privacy';
/** Stored figures: recomputing cells, following events, reconciling, reading. */
export { FigureCells } from './figures/figure-cells.service';
export { FigureRefresh, type RefreshOutcome } from './figures/figure-refresh.service';
export {
  type FigureNode,
  FigureReads,
  type FigureQuery,
  type FigureTree,
} from './figures/figure-reads.service';
/** Yearly facility reports: forms, reports and decisions, reminders, the CSV import. */
export {
  type FieldType,
  FIELD_TYPES,
  type ReportField,
  type ReportValues,
} from './reports/report-fields';
export { type FormField, type ReportForm, ReportForms } from './reports/report-forms.service';
export {
  type FacilityReport,
  FacilityReports,
  REPORT_STATUSES,
  type ReportStatus,
} from './reports/facility-reports.service';
export { type ImportOutcome, ReportImport } from './reports/report-import.service';
export { REMINDER_DAYS, ReportReminders } from './reports/report-reminders.service';
/** Inspections: plans, scores, evidence, publishing, follow-up actions and their reminders. */
export {
  type CriterionScore,
  type InspectionPlan,
  Inspections,
  type InspectionView,
} from './inspections/inspections.service';
export { InspectionActions, type OverdueAction } from './inspections/inspection-actions.service';
export {
  EVIDENCE_MAX_BYTES,
  type EvidenceFile,
  type EvidenceUpload,
  InspectionEvidence,
} from './inspections/inspection-evidence.service';
export { ACTION_REMINDER_DAYS, ActionReminders } from './inspections/action-reminders.service';
export {
  INSPECTION_STATUSES,
  INSPECTION_TARGETS,
  type InspectionStatus,
  type InspectionTarget,
  SCORE_MAX,
  weightedTotal,
} from './inspections/inspection-rules';
/** Who may do what with facility reports and inspections. */
export {
  FORM_EDITORS,
  INSPECTED,
  INSPECTION_READERS,
  INSPECTORS,
  REPORT_DECIDERS,
  REPORT_FILLERS,
  REPORT_READERS,
} from './policies';
/** Why monitoring refused something. */
export { MonitoringError, type MonitoringErrorCode } from './monitoring-error';
