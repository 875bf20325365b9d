import type { TableOwnership } from '@lifelong/database';

/** The administrative and org-unit trees, facilities, memberships and staff imports. */
export const TABLES: TableOwnership = {
  owns: [
    'admin_units',
    'facilities',
    'org_units',
    'memberships',
    'staff_profiles',
    'staff_imports',
    'staff_import_chunks',
    'staff_import_errors',
  ],
};
