import type { TableOwnership } from '@lifelong/database';

/**
 * Certificates, their revocations and templates; `enrollment_certificates_view` (each
 * enrollment's certificate and when it was revoked) for a course's list of learners.
 */
export const TABLES: TableOwnership = {
  owns: ['certificates', 'certificate_revocations', 'certificate_templates'],
  readModels: ['enrollment_certificates_view'],
};
