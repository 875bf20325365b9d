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
