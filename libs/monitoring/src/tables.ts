import type { TableOwnership } from '@lifelong/database';

/**
 * The stored programme figures (per administrative-unit subtree, facility type and period), and
 * the yearly facility reports: forms and their fields, reports, the accepted values that feed
 * reported indicators, and the deadline reminders' ledger; inspections, their criteria, follow-up
 * actions, evidence files and the due-date reminders' ledger.
 */
export const TABLES: TableOwnership = {
  owns: [
    'monitoring_figures',
    'monitoring_report_forms',
    'monitoring_report_fields',
    'monitoring_facility_reports',
    'monitoring_reported_values',
    'monitoring_report_reminders',
    'monitoring_inspections',
    'monitoring_inspection_criteria',
    'monitoring_inspection_actions',
    'monitoring_inspection_evidence',
    'monitoring_action_reminders',
  ],
};
