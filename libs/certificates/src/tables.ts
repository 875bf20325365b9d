import type { TableOwnership } from '@lifelong/database';

/** Certificates, their revocations and templates. */
export const TABLES: TableOwnership = {
  owns: ['certificates', 'certificate_revocations', 'certificate_templates'],
};
