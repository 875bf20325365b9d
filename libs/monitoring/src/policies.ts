import type { Role } from '@lifelong/identity';

// Who may do what with yearly facility reports. Controllers require these roles
// (`@RequireRoles(...X)`) and services check the same constants against the facility, so each
// list is written once.

/** Who fills in and submits a facility's report: its facility admins (and platform admins). */
export const REPORT_FILLERS: readonly Role[] = ['facility_admin'];
/**
 * Who accepts or returns a report, imports reports and lists those waiting: supervisors and
 * admins whose scope covers the facility, never someone who answers for the facility itself.
 */
export const REPORT_DECIDERS: readonly Role[] = ['admin', 'supervisor'];
/** Who reads a report: whoever fills it in or decides on it. */
export const REPORT_READERS: readonly Role[] = [...REPORT_FILLERS, ...REPORT_DECIDERS];
/** Who defines a year's form: platform admins (checked with isPlatformAdmin). */
export const FORM_EDITORS: readonly Role[] = ['admin'];

// Inspections.

/**
 * Who plans, records and publishes an inspection and sets its follow-up actions: supervisors
 * (an administrative-unit or org-unit scope over the target) and platform admins, never someone
 * who answers for the inspected unit.
 */
export const INSPECTORS: readonly Role[] = ['admin', 'supervisor'];
/**
 * Who answers for an inspected unit: a facility's admins, an org unit's managers. They read the
 * published report and close their follow-up actions with evidence.
 */
export const INSPECTED: readonly Role[] = ['facility_admin', 'org_manager'];
/** Who reads an inspection: its inspectors, or (once published) the inspected unit. */
export const INSPECTION_READERS: readonly Role[] = [...INSPECTORS, ...INSPECTED];
