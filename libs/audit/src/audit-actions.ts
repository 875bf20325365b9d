/**
 * Every audited action, `<subject>.<past tense>`. Data in the table, but a closed list here so
 * a filter can be validated and a typo in a caller does not start a new kind of entry.
 */
export const AUDIT_ACTIONS = [
  'role.granted',
  'role.revoked',
  'staff-import.requested',
  'staff-import.finished',
  'membership.placed',
  'certificate.revoked',
  'requirement.created',
  'requirement.updated',
  'invitation.sent',
  'account.deactivated',
  'account.reactivated',
  'lrs-client.issued',
  'lrs-client.revoked',
  'lrs-forward.registered',
  'lrs-forward.revoked',
  'inspection.published',
  'inspection-action.closed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about. */
export const AUDIT_SUBJECT_TYPES = [
  'user',
  'staff_import',
  'certificate',
  'requirement',
  'lrs_client',
  'lrs_forward',
  'inspection',
  'inspection_action',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
